import type { Executor } from '../../platform/db/schema.js';

/** Delete people's notifications, their deliveries and preferences, before the people themselves are deleted. */
export async function deleteNotificationsOf(db: Executor, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...userIds];
  await db
    .deleteFrom('deliveries')
    .where('notification_id', 'in', db.selectFrom('notifications').select('id').where('user_id', 'in', ids))
    .execute();
  await db.deleteFrom('notifications').where('user_id', 'in', ids).execute();
  await db.deleteFrom('notify_preferences').where('user_id', 'in', ids).execute();
}
