import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * Library search: the searchable copy of each published material, its topics and keywords, and the
 * full-text index — an FTS5 table of pre-tokenised bigrams on SQLite, a GIN-indexed tsvector on PostgreSQL.
 */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);
  const table = db.schema.createTable('library_search_docs');
  await (
    dialect === 'postgres'
      ? table
          .addColumn('seq', 'serial', (c) => c.primaryKey())
          .addColumn('lexemes', sql`tsvector`, (c) => c.notNull())
          .addColumn('title_lexemes', sql`tsvector`, (c) => c.notNull())
      : table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('material_id', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('published_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('library_search_topics')
    .addColumn('material_id', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_search_topics_pk', ['material_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('library_search_topics_topic_idx')
    .on('library_search_topics')
    .columns(['topic', 'material_id'])
    .execute();
  await db.schema
    .createTable('library_search_keywords')
    .addColumn('material_id', 'integer', (c) => c.notNull())
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_search_keywords_pk', ['material_id', 'keyword'])
    .execute();
  await db.schema
    .createIndex('library_search_keywords_keyword_idx')
    .on('library_search_keywords')
    .columns(['keyword', 'weight'])
    .execute();
  if (dialect === 'postgres') {
    await sql`create index library_search_docs_lexemes_idx on library_search_docs using gin (lexemes)`.execute(
      db,
    );
    await sql`create index library_search_docs_title_idx on library_search_docs using gin (title_lexemes)`.execute(
      db,
    );
  } else {
    // Contentless: the text lives in library_search_docs; the index holds only token positions.
    await sql`create virtual table library_search_fts using fts5(
      title, body, notes, tchars, chars,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`drop table library_search_fts`.execute(db);
  await db.schema.dropTable('library_search_keywords').execute();
  await db.schema.dropTable('library_search_topics').execute();
  await db.schema.dropTable('library_search_docs').execute();
}
