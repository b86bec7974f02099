import type { Generated } from 'kysely';

/** Tables of the notify module (migration 0004_notify), merged into the one DB interface. */

export type Channel = 'email' | 'wecom' | 'dingtalk' | 'feishu';
export type RobotChannel = Exclude<Channel, 'email'>;
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  /** A short notice with a link, never the full text of a confidential document. */
  body: string;
  link: string | null;
  urgent: number;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface DeliveryTable {
  id: Generated<number>;
  notification_id: number;
  channel: Channel;
  /** The e-mail address, or the robot's scope: `department:<id>` or `global`. Never a webhook URL. */
  target: string;
  dedupe_key: string;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: string;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelSettingTable {
  channel: Channel;
  /** 0 is the whole organisation; otherwise the department whose group the robot posts to. */
  department_id: number;
  enabled: number;
  /** JSON of the non-secret settings (SMTP host, port, sender). */
  config: string;
  /** SM4-encrypted JSON of the secrets (SMTP password, webhook URL with its token, signing secret). */
  secret: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface NotifyPreferenceTable {
  user_id: number;
  email: string | null;
  /** JSON array of the channels the person wants besides the in-app list. */
  channels: string;
  /** 'HH:MM' Beijing time; both null when the person has no quiet hours. */
  quiet_start: string | null;
  quiet_end: string | null;
  version: Generated<number>;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    notifications: NotificationTable;
    deliveries: DeliveryTable;
    channel_settings: ChannelSettingTable;
    notify_preferences: NotifyPreferenceTable;
  }
}
