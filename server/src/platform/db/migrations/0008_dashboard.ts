import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * The dashboard's 领导关注 list starts from one leader's items: those they are responsible for and
 * those they watch. Without these indexes it would walk every item in progress.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('items_responsible_leader_idx')
    .on('items')
    .columns(['responsible_leader_id', 'status', 'id'])
    .where(sql.ref('responsible_leader_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('item_watchers_user_idx')
    .on('item_watchers')
    .columns(['user_id', 'item_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('item_watchers_user_idx').execute();
  await db.schema.dropIndex('items_responsible_leader_idx').execute();
}
