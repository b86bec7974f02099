import { z } from 'zod';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { decryptField, encryptField, type Keys } from '../../platform/keys.js';
import { AppError, stale } from '../../platform/http/errors.js';
import { diff, recordAudit } from '../audit/index.js';
import { listDepartments } from '../identity/index.js';
import {
  findChannelSetting,
  listChannelSettings,
  saveChannelSetting,
  type ChannelSettingRow,
} from './settings-repository.js';
import type { Channel, RobotChannel } from './tables.js';

const version = z.number().int().min(0);
const secretText = z.string().min(1).max(500);

const emailSetting = z.object({
  channel: z.literal('email'),
  enabled: z.boolean(),
  host: z.string().trim().min(1).max(200),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().min(1).max(200).nullable(),
  /** Omitted: keep the stored password; null: remove it. */
  password: secretText.nullable().optional(),
  /** The sender, e.g. "落实督办系统 <duban@example.gov.cn>". */
  from: z.string().trim().min(3).max(200),
  version,
});

const robotSetting = <C extends RobotChannel>(channel: C) =>
  z.object({
    channel: z.literal(channel),
    /** null: the organisation-wide robot, used for people whose department has none. */
    departmentId: z.number().int().positive().nullable(),
    enabled: z.boolean(),
    /** The webhook carries the robot's token, so it is stored encrypted. Omitted: keep the stored one. */
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
    /** 加签 secret (DingTalk, Feishu; WeCom robots have none). Omitted: keep; null: remove. */
    signingSecret: channel === 'wecom' ? z.null().optional() : secretText.nullable().optional(),
    version,
  });

export const channelSettingInput = z.discriminatedUnion('channel', [
  emailSetting,
  robotSetting('wecom'),
  robotSetting('dingtalk'),
  robotSetting('feishu'),
]);
export type ChannelSettingInput = z.infer<typeof channelSettingInput>;

interface Secrets {
  password?: string | null;
  url?: string;
  signingSecret?: string | null;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  password: string | null;
}

export interface RobotSettings {
  url: string;
  signingSecret: string | null;
}

const SET = '已设置';
const UNSET = '未设置';

function secretsOf(keys: Keys, row: ChannelSettingRow | undefined): Secrets {
  return row?.secret ? (JSON.parse(decryptField(keys, row.secret)) as Secrets) : {};
}

/** What administrators see: the settings, with each secret shown only as set or not. */
export function presentChannelSetting(keys: Keys, row: ChannelSettingRow) {
  const secrets = secretsOf(keys, row);
  const shown: Record<string, string> =
    row.channel === 'email'
      ? { password: secrets.password ? SET : UNSET }
      : { webhookUrl: secrets.url ? SET : UNSET, signingSecret: secrets.signingSecret ? SET : UNSET };
  return {
    channel: row.channel,
    departmentId: row.department_id === 0 ? null : row.department_id,
    enabled: row.enabled === 1,
    config: JSON.parse(row.config) as Record<string, unknown>,
    secrets: shown,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function channelSettings(db: Executor, keys: Keys) {
  return (await listChannelSettings(db)).map((row) => presentChannelSetting(keys, row));
}

export async function updateChannelSetting(
  trx: Executor,
  ctx: Ctx,
  input: ChannelSettingInput,
): Promise<void> {
  const departmentId = input.channel === 'email' ? 0 : (input.departmentId ?? 0);
  if (departmentId !== 0 && !(await listDepartments(trx)).some((d) => d.id === departmentId))
    throw new AppError('VALIDATION_FAILED', '部门：不存在', { field: 'departmentId' });
  const existing = await findChannelSetting(trx, input.channel, departmentId);
  if ((existing?.version ?? 0) !== input.version) throw stale();
  const old = secretsOf(ctx.keys, existing);
  let config: Record<string, unknown>;
  let secrets: Secrets;
  if (input.channel === 'email') {
    config = { host: input.host, port: input.port, secure: input.secure, user: input.user, from: input.from };
    secrets = { password: input.password === undefined ? (old.password ?? null) : input.password };
  } else {
    const url = input.webhookUrl ?? old.url;
    if (!url) throw new AppError('VALIDATION_FAILED', 'Webhook 地址：必填', { field: 'webhookUrl' });
    config = {};
    secrets = {
      url,
      signingSecret: input.signingSecret === undefined ? (old.signingSecret ?? null) : input.signingSecret,
    };
  }
  const saved = await saveChannelSetting(
    trx,
    {
      channel: input.channel,
      department_id: departmentId,
      enabled: input.enabled ? 1 : 0,
      config: JSON.stringify(config),
      secret: encryptField(ctx.keys, JSON.stringify(secrets)),
      updated_at: nowIso(ctx),
    },
    input.version,
  );
  if (!saved) throw stale();
  const changedSecrets = (Object.keys(secrets) as (keyof Secrets)[]).filter((k) => secrets[k] !== old[k]);
  await recordAudit(trx, ctx, {
    action: 'notify.channel.update',
    objectType: 'channel_setting',
    objectId: `${input.channel}:${departmentId}`,
    // Secrets never enter the audit trail: only which of them changed.
    changes: {
      ...diff(
        { enabled: existing?.enabled === 1, ...(existing ? (JSON.parse(existing.config) as object) : {}) },
        { enabled: input.enabled, ...config },
      ),
      secretsChanged: changedSecrets,
    },
  });
}

async function enabledSetting(db: Executor, channel: Channel, departmentId: number) {
  const row = await findChannelSetting(db, channel, departmentId);
  if (!row || row.enabled !== 1) throw new Error(`渠道未配置或已停用：${channel}/${departmentId || '全局'}`);
  return row;
}

export async function smtpSettings(db: Executor, keys: Keys): Promise<SmtpSettings> {
  const row = await enabledSetting(db, 'email', 0);
  const config = JSON.parse(row.config) as Omit<SmtpSettings, 'password'>;
  return { ...config, password: secretsOf(keys, row).password ?? null };
}

export async function robotSettings(
  db: Executor,
  keys: Keys,
  channel: RobotChannel,
  departmentId: number,
): Promise<RobotSettings> {
  const secrets = secretsOf(keys, await enabledSetting(db, channel, departmentId));
  if (!secrets.url) throw new Error(`机器人未设置 Webhook 地址：${channel}`);
  return { url: secrets.url, signingSecret: secrets.signingSecret ?? null };
}

/** A robot delivery's target names the scope whose robot posts it, never the webhook itself. */
export const robotTarget = (departmentId: number) =>
  departmentId === 0 ? 'global' : `department:${departmentId}`;
export const departmentOfTarget = (target: string) =>
  target === 'global' ? 0 : Number(target.slice('department:'.length));
