import {
  Migrator,
  NO_MIGRATIONS,
  sql,
  type DatabaseIntrospector,
  type Migration,
  type MigrationResultSet,
} from 'kysely';
import type { Db } from './schema.js';
import { dialectOf } from './database.js';
import * as foundation from './migrations/0001_foundation.js';
import * as calendar from './migrations/0002_calendar.js';
import * as supervision from './migrations/0003_supervision.js';
import * as notify from './migrations/0004_notify.js';
import * as reminders from './migrations/0005_reminders.js';
import * as circulars from './migrations/0006_circulars.js';
import * as attachments from './migrations/0007_attachments.js';
import * as dashboard from './migrations/0008_dashboard.js';
import * as itemCounts from './migrations/0009_item_counts.js';
import * as library from './migrations/0010_library.js';
import * as libraryAccess from './migrations/0011_library_access.js';
import * as librarySearch from './migrations/0012_library_search.js';
import * as openCounts from './migrations/0013_open_counts.js';
import * as libraryPush from './migrations/0014_library_push.js';
import * as libraryDemands from './migrations/0015_library_demands.js';
import * as libraryAttachments from './migrations/0016_library_attachments.js';
import * as owedPeriods from './migrations/0017_owed_periods.js';
import * as dashboardCounts from './migrations/0018_dashboard_counts.js';
import * as assignmentDayCounts from './migrations/0019_assignment_day_counts.js';
import * as lightCounts from './migrations/0020_light_counts.js';
import * as reminderCandidates from './migrations/0021_reminder_candidates.js';
import * as departmentStatusPage from './migrations/0022_department_status_page.js';
import * as itemListVersions from './migrations/0023_item_list_versions.js';

/** Ordered list of migrations. Landed migrations are never edited; add a new file instead. */
const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_calendar': calendar,
  '0003_supervision': supervision,
  '0004_notify': notify,
  '0005_reminders': reminders,
  '0006_circulars': circulars,
  '0007_attachments': attachments,
  '0008_dashboard': dashboard,
  '0009_item_counts': itemCounts,
  '0010_library': library,
  '0011_library_access': libraryAccess,
  '0012_library_search': librarySearch,
  '0013_open_counts': openCounts,
  '0014_library_push': libraryPush,
  '0015_library_demands': libraryDemands,
  '0016_library_attachments': libraryAttachments,
  '0017_owed_periods': owedPeriods,
  '0018_dashboard_counts': dashboardCounts,
  '0019_assignment_day_counts': assignmentDayCounts,
  '0020_light_counts': lightCounts,
  '0021_reminder_candidates': reminderCandidates,
  '0022_department_status_page': departmentStatusPage,
  '0023_item_list_versions': itemListVersions,
};

/**
 * Kysely's PostgreSQL introspector reads every column of every schema, and fails when another
 * process drops a schema meanwhile; the migrator only needs the table names of its own schema.
 */
function scopedIntrospection(db: Db, schema: string): Db {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => Promise.resolve([{ name: schema }]),
    getTables: async () => {
      const { rows } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * On PostgreSQL the migration tables live in the connection's current schema: Kysely would otherwise
 * find another schema's tables through introspection and then miss them on the search path.
 */
async function migrator(db: Db): Promise<Migrator> {
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  if (dialectOf(db) !== 'postgres') return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  return new Migrator({ db: scopedIntrospection(db, schema), provider, migrationTableSchema: schema });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `迁移失败${failed ? `（${failed.migrationName}）` : ''}：${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? '↑' : '↓'} ${r.migrationName}`);
}

export async function migrateUp(db: Db): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateDown());
}

/** Up or down to the named migration (tests of one migration start from the one before it). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateTo(name));
}

export async function migrateDownAll(db: Db): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateTo(NO_MIGRATIONS));
}

export async function migrationStatus(db: Db): Promise<{ name: string; executedAt: string | null }[]> {
  const list = await (await migrator(db)).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}
