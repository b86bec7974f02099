/** Tables of migration 0014, merged into the application's DB interface (schema.ts stays untouched). */

export type SubscriptionKind = 'topic' | 'type';

/** One thing a person follows: a topic/campaign (组织生活会 …) or a material type (讲话 …). */
export interface LibrarySubscriptionTable {
  user_id: number;
  kind: SubscriptionKind;
  value: string;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_subscriptions: LibrarySubscriptionTable;
  }
}
