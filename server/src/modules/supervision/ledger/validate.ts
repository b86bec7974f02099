import type { Executor } from '../../../platform/db/schema.js';
import { isValidDate } from '../../calendar/index.js';
import { findUserByLogin, listDepartments, rolesOf } from '../../identity/index.js';
import type { ItemInput } from '../item-flow.js';
import { FEEDBACK_CYCLES, SOURCE_TYPES, URGENCIES } from '../labels.js';
import { codeOf, LEDGER_COLUMNS, NO, splitList, YES, type ColumnKey } from './columns.js';
import type { LedgerIssue, Plain, RawRow } from './read.js';

export interface Department {
  id: number;
  code: string;
  name: string;
}

/** One valid ledger row: the 立项 input plus the departments to assign it to. */
export interface LedgerRow {
  row: number;
  input: ItemInput;
  leaderName: string | null;
  lead: Department;
  assists: Department[];
}

export interface Lookups {
  today: string;
  departments: ReadonlyMap<string, Department>;
  leaders: ReadonlyMap<string, { id: number; name: string; active: boolean; leader: boolean }>;
}

/** Departments by code and the leaders the rows name, read once for the whole file. */
export async function loadLookups(db: Executor, rows: readonly RawRow[], today: string): Promise<Lookups> {
  const departments = new Map(
    (await listDepartments(db)).map((d) => [d.code, { id: d.id, code: d.code, name: d.name }]),
  );
  const leaders = new Map<string, { id: number; name: string; active: boolean; leader: boolean }>();
  const logins = new Set(
    rows
      .map((r) => r.cells.leader)
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v).trim()),
  );
  for (const login of logins) {
    const user = await findUserByLogin(db, login);
    if (user)
      leaders.set(login, {
        id: user.id,
        name: user.name,
        active: user.status === 'active',
        leader: (await rolesOf(db, user.id)).includes('leader'),
      });
  }
  return { today, departments, leaders };
}

const header = (key: ColumnKey) => LEDGER_COLUMNS.find((c) => c.key === key)?.header ?? key;
const pad = (n: number) => String(n).padStart(2, '0');

/** A date typed or formatted the ways Chinese offices write them: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日. */
function dateOf(value: Plain): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isValidDate(iso) ? iso : null;
}

/** Validate one row; every problem is reported, not only the first, so one round of corrections suffices. */
function checkRow(raw: RawRow, lookups: Lookups, issues: LedgerIssue[]): LedgerRow | null {
  const before = issues.length;
  const bad = (key: ColumnKey, message: string) =>
    issues.push({ row: raw.row, column: header(key), message });
  const value = (key: ColumnKey) => raw.cells[key];
  const text = (key: ColumnKey, max: number): string | null => {
    const v = value(key);
    if (v === undefined) {
      if (LEDGER_COLUMNS.find((c) => c.key === key)?.required) bad(key, '必填，不能为空');
      return null;
    }
    if (typeof v === 'object' && !(v instanceof Date)) {
      bad(key, `单元格为错误值 ${v.error}`);
      return null;
    }
    const s = (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
    if (s.length > max) bad(key, `不能超过 ${max} 字（现有 ${s.length} 字）`);
    return s;
  };
  const choice = <K extends string>(key: ColumnKey, labels: Record<K, string>): K | null => {
    const s = text(key, 100);
    if (s === null) return null;
    const code = codeOf(labels, s);
    if (code === undefined)
      bad(key, `「${s}」不是可选值，应为 ${Object.values<string>(labels).join('、')} 之一`);
    return code ?? null;
  };
  const department = (key: ColumnKey, code: string): Department | null => {
    const found = lookups.departments.get(code);
    if (!found) bad(key, `部门编码「${code}」不存在`);
    return found ?? null;
  };

  const title = text('title', 200);
  const requirements = text('requirements', 20000);
  const sourceType = choice('sourceType', SOURCE_TYPES);
  const sourceNote = text('sourceNote', 2000);
  const urgency = choice('urgency', URGENCIES);
  const feedbackCycle = choice('feedbackCycle', FEEDBACK_CYCLES);

  const leaderLogin = text('leader', 64);
  const leader = leaderLogin ? lookups.leaders.get(leaderLogin) : undefined;
  if (leaderLogin && !leader) bad('leader', `登录名「${leaderLogin}」不存在`);
  else if (leader && !leader.active) bad('leader', `用户「${leaderLogin}」已停用`);
  else if (leader && !leader.leader) bad('leader', `「${leaderLogin}」（${leader.name}）不具有领导角色`);

  const leadCodes = splitList(text('lead', 64) ?? '');
  if (leadCodes.length > 1) bad('lead', '主办部门只能填一个，其余请填入「协办部门编码」');
  const lead = leadCodes[0] === undefined ? null : department('lead', leadCodes[0]);
  const assistCodes = splitList(text('assists', 2000) ?? '');
  const assists: Department[] = [];
  for (const code of assistCodes) {
    if (code === leadCodes[0]) bad('assists', `部门「${code}」已是主办部门，不能同时协办`);
    else if (assists.some((a) => a.code === code)) bad('assists', `部门「${code}」重复填写`);
    else {
      const found = department('assists', code);
      if (found) assists.push(found);
    }
  }

  const standingText = text('standing', 10);
  if (standingText !== null && standingText !== YES && standingText !== NO)
    bad('standing', `「${standingText}」不是可选值，应为「是」或「否」`);
  const standing = standingText === YES;

  let deadline: string | null = null;
  const deadlineValue = value('deadline');
  if (deadlineValue !== undefined) {
    deadline = dateOf(deadlineValue);
    // text() reports an Excel error value itself and answers null; anything else typed is not a date.
    const typed = deadline === null ? text('deadline', 100) : null;
    if (typed !== null) bad('deadline', `「${typed}」不是有效日期，应如 2026-06-30`);
    else if (deadline !== null && deadline < lookups.today)
      bad('deadline', `${deadline} 早于今天（${lookups.today}）`);
  }
  let workingDays: number | null = null;
  const daysValue = value('workingDays');
  const daysText = daysValue === undefined ? null : text('workingDays', 20);
  if (daysText !== null) {
    const m = /^(\d+)\s*(个工作日|工作日)?$/.exec(daysText);
    workingDays = m ? Number(m[1]) : null;
    if (workingDays === null || workingDays < 1 || workingDays > 365)
      bad('workingDays', `「${daysText}」应为 1～365 的整数`);
  }
  if (deadlineValue !== undefined && daysValue !== undefined)
    bad('workingDays', '「办理时限」与「工作日数」只能填一项');
  if (standing && (deadlineValue !== undefined || daysValue !== undefined))
    bad('standing', '长期坚持的事项不设办理时限，请清空「办理时限」和「工作日数」');

  const tags = splitList(text('tags', 1000) ?? '');
  if (tags.length > 20) bad('tags', `最多 20 个（现有 ${tags.length} 个）`);
  for (const tag of tags.filter((t) => t.length > 20)) bad('tags', `「${tag}」超过 20 字`);

  if (issues.length > before) return null;
  // Every required field was present and valid, or an issue was recorded above.
  if (!title || !requirements || !sourceType || !sourceNote || !urgency || !feedbackCycle || !lead)
    return null;
  return {
    row: raw.row,
    input: {
      title,
      requirements,
      sourceType,
      sourceRef: { note: sourceNote },
      urgency,
      responsibleLeaderId: leader?.id ?? null,
      deadline,
      workingDays,
      feedbackCycle,
      standing,
      tags: [...new Set(tags)],
    },
    leaderName: leader?.name ?? null,
    lead,
    assists,
  };
}

export function validateRows(
  rows: readonly RawRow[],
  lookups: Lookups,
): { rows: LedgerRow[]; issues: LedgerIssue[] } {
  const issues: LedgerIssue[] = [];
  const valid = rows.map((raw) => checkRow(raw, lookups, issues)).filter((r): r is LedgerRow => r !== null);
  return { rows: valid, issues };
}
