import { z } from 'zod';
import type { Executor } from '../../platform/db/schema.js';
import { readSetting, writeSetting } from '../../platform/db/settings-repository.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { stale } from '../../platform/http/errors.js';
import { diff, recordAudit } from '../audit/index.js';

export const supervisionSettingsSchema = z.object({
  /** `{year}` and `{seq}` are replaced: 督〔2026〕17号. */
  numberFormat: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((f) => f.includes('{year}') && f.includes('{seq}'), '须包含 {year} 和 {seq}'),
  /** Default time limits in working days (限时办结制). */
  limits: z.object({
    extra_urgent: z.number().int().min(1).max(365),
    urgent: z.number().int().min(1).max(365),
    normal: z.number().int().min(1).max(365),
    difficult: z.number().int().min(1).max(365),
  }),
  /** Yellow light this many working days before a deadline or feedback is due. */
  warnDays: z.number().int().min(0).max(30),
});
export type SupervisionSettings = z.infer<typeof supervisionSettingsSchema>;

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  numberFormat: '督〔{year}〕{seq}号',
  limits: { extra_urgent: 3, urgent: 5, normal: 15, difficult: 30 },
  warnDays: 3,
};

export const SUPERVISION_SETTINGS_KEY = 'supervision_settings';

export async function getSupervisionSettings(
  db: Executor,
): Promise<SupervisionSettings & { version: number }> {
  const row = await readSetting(db, SUPERVISION_SETTINGS_KEY);
  if (!row) return { ...DEFAULT_SUPERVISION_SETTINGS, version: 0 };
  return {
    ...DEFAULT_SUPERVISION_SETTINGS,
    ...supervisionSettingsSchema.partial().parse(JSON.parse(row.value)),
    version: row.version,
  };
}

export async function updateSupervisionSettings(
  trx: Executor,
  ctx: Ctx,
  next: SupervisionSettings,
  version: number,
): Promise<void> {
  const { version: current, ...before } = await getSupervisionSettings(trx);
  if (
    current !== version ||
    !(await writeSetting(trx, SUPERVISION_SETTINGS_KEY, JSON.stringify(next), version, nowIso(ctx)))
  )
    throw stale();
  await recordAudit(trx, ctx, {
    action: 'supervision.settings.update',
    objectType: 'setting',
    objectId: SUPERVISION_SETTINGS_KEY,
    changes: diff(before, next),
  });
}

export function formatNumber(format: string, year: number, seq: number): string {
  return format.replace('{year}', String(year)).replace('{seq}', String(seq));
}
