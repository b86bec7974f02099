import { sql } from 'kysely';
import type { Db } from '../../../platform/db/schema.js';

/**
 * Rows written with SQL as migrations 0016 and 0017 leave these tables, for tests that migrate from
 * there: the services already expect the latest schema. Departments get ids from 1 in the given order.
 */
export async function insertLegacyDepartments(db: Db, at: string, names: readonly string[]): Promise<void> {
  for (const [i, name] of names.entries())
    await sql`insert into departments (id, parent_id, name, code, sort_order, created_at, updated_at)
      values (${i + 1}, null, ${name}, ${`d${i + 1}`}, ${i}, ${at}, ${at})`.execute(db);
}

/** User 1 (督查员 of department 1) and their item 1, assigned, reported weekly. */
export async function insertLegacyItem(
  db: Db,
  at: string,
  item: { title: string; standing: boolean },
): Promise<void> {
  await sql`insert into users (id, login, name, department_id, status, password_hash, password_changed_at,
      must_change_password, failed_logins, totp_enabled, is_demo, created_at, updated_at)
    values (1, 'supervisor', '督查员', 1, 'active', 'x', ${at}, 0, 0, 0, 0, ${at}, ${at})`.execute(db);
  await sql`insert into items (id, year, seq, number, title, requirements, source_type, source_ref, urgency,
      difficult, responsible_leader_id, parent_id, status, deadline, working_days, feedback_cycle, standing,
      tags, created_by, return_reason, created_at, updated_at, closed_at)
    values (1, 2026, 1, '督〔2026〕1号', ${item.title}, '按周反馈', 'meeting', '{}', 'normal', 0, null, null,
      'assigned', null, null, 'weekly', ${item.standing ? 1 : 0}, '[]', 1, null, ${at}, ${at}, null)`.execute(
    db,
  );
}
