import { sql } from 'kysely';
import { openDatabase, type Database } from '../platform/db/database.js';

/**
 * Another process's view of a test database: on PostgreSQL a separate pool on the same schema, so two
 * runners really race. On SQLite the same handle: better-sqlite3 waits for another handle's lock by
 * blocking the event loop, so two handles in one process would stall each other.
 */
export async function openPeerDatabase(database: Database): Promise<Database> {
  if (database.dialect === 'sqlite') return { ...database, close: () => Promise.resolve() };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current schema');
  return openDatabase(database.url, { pgSchema: schema, poolSize: 5 });
}
