/**
 * Bulk loading for the benchmark's data set: plain driver calls, because going through the services
 * would take hours for nine million rows. Rows carry explicit ids; PostgreSQL's sequences are moved on
 * afterwards so the server's own inserts continue after them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type Row = Record<string, string | number | null>;

export interface BulkWriter {
  insert(table: string, rows: readonly Row[]): Promise<void>;
  /** Move the id sequences past the loaded rows (PostgreSQL), refresh planner statistics. */
  finish(tables: readonly string[]): Promise<void>;
}

export function sqliteWriter(handle: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    insert(table, rows) {
      const first = rows[0];
      if (!first) return Promise.resolve();
      const columns = Object.keys(first);
      const key = `${table}:${columns.join(',')}`;
      let statement = statements.get(key);
      if (!statement) {
        statement = handle.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
        );
        statements.set(key, statement);
      }
      const run = statement;
      handle.transaction(() => {
        for (const row of rows) run.run(row);
      })();
      return Promise.resolve();
    },
    finish() {
      handle.exec('analyze');
      return Promise.resolve();
    },
  };
}

export function pgWriter(client: pg.Client | pg.PoolClient): BulkWriter {
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      // PostgreSQL takes at most 65,535 parameters per statement.
      const perStatement = Math.floor(60_000 / columns.length);
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const values: (string | number | null)[] = [];
        const tuples = chunk.map((row) => {
          const marks = columns.map((c) => {
            values.push(row[c] ?? null);
            return `$${values.length}`;
          });
          return `(${marks.join(',')})`;
        });
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(',')}`, values);
      }
    },
    async finish(tables) {
      for (const table of tables) {
        await client.query(
          `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 1))`,
        );
      }
      await client.query('analyze');
    },
  };
}
