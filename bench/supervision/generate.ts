/**
 * A province-scale 督查督办 data set: 2,000 departments, 30,000 users, 500,000 items, 1,500,000
 * assignments (skewed: the busiest department holds about 60,000), 6,000,000 feedback records over
 * three years up to `now`. Deterministic (seeded), scalable with `scale` for quick runs.
 */
import type { WorkingCalendar } from '../../server/src/modules/calendar/index.js';
import { OWED_PERIODS_FILLED_KEY, owedPeriodOf } from '../../server/src/modules/supervision/owed-periods.js';
import { periodOf } from '../../server/src/modules/supervision/periods.js';
import type { AssignmentStatus, FeedbackCycle } from '../../server/src/platform/db/schema.js';
import type { BulkWriter, Row } from './bulk.js';

export interface DataSet {
  departments: number;
  users: number;
  items: number;
  assignments: number;
  feedbacks: number;
  /** Department ids by number of assignments, busiest first. */
  departmentsByLoad: number[];
  loadOf: Map<number, number>;
}

/** Logins of the generated people: each department's head and first handler, the first supervisor (id 21). */
export const headLogin = (departmentId: number) => `d${departmentId}_head`;
export const handlerLogin = (departmentId: number) => `d${departmentId}_u1`;
export const SUPERVISOR = { id: 21, login: 'supervisor1', name: '督查员1', departmentId: 1 };

const DAY = 86_400_000;
const ROOT = 1;
const PER_DEPARTMENT = 15;
const LEADERS = 20;
const SUPERVISORS = 10;
const SOURCES = ['standing_committee', 'instruction', 'meeting', 'superior', 'annual_task', 'special'];
const CYCLES: FeedbackCycle[] = ['monthly', 'monthly', 'monthly', 'weekly', 'weekly', 'quarterly', 'once'];
const VERBS = ['落实', '推进', '完善', '整改', '督促', '研究制定', '全面排查', '加快建设'];
const OBJECTS = [
  '基层减负',
  '营商环境',
  '安全生产',
  '信访积案',
  '巡察反馈问题',
  '农村人居环境',
  '作风建设',
  '专项资金',
];
const MEASURES = ['工作方案', '长效机制', '问题清单', '责任清单', '实施意见', '整改台账'];

/** mulberry32: small, fast and good enough to make the data set the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like weights (exponent 0.75): the busiest of 2,000 departments gets about 4 % of the work. */
function zipfPicker(count: number, rnd: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= count; k++) cumulative.push((sum += 1 / k ** 0.75));
  return () => {
    const target = rnd() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

export async function generate(
  writer: BulkWriter,
  options: { scale: number; now: Date; passwordHash: string; calendar: WorkingCalendar },
  progress: (label: string, done: number, total: number) => void,
): Promise<DataSet> {
  const rnd = random(20261127);
  const now = options.now.getTime();
  const created = iso(now - 1100 * DAY);
  const departmentCount = Math.max(20, Math.round(2000 * options.scale));
  const itemCount = Math.round(500_000 * options.scale);

  const departments: Row[] = [
    {
      id: ROOT,
      parent_id: null,
      name: '某省纪委监委',
      code: 'ROOT',
      sort_order: 0,
      created_at: created,
      updated_at: created,
    },
  ];
  for (let i = 0; i < departmentCount; i++) {
    const id = i + 2;
    departments.push({
      id,
      parent_id: ROOT,
      name: `第${i + 1}单位`,
      code: `D${id}`,
      sort_order: i + 1,
      created_at: created,
      updated_at: created,
    });
  }
  await writer.insert('departments', departments);

  const users: Row[] = [];
  const roles: Row[] = [];
  const user = (login: string, name: string, departmentId: number, role: string) => {
    const id = users.length + 1;
    users.push({
      id,
      login,
      name,
      department_id: departmentId,
      status: 'active',
      password_hash: options.passwordHash,
      password_changed_at: iso(now - DAY),
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      is_demo: 0,
      created_at: created,
      updated_at: created,
    });
    roles.push({ user_id: id, role });
    return id;
  };
  const leaders = Array.from({ length: LEADERS }, (_, i) =>
    user(`leader${i + 1}`, `领导${i + 1}`, ROOT, 'leader'),
  );
  const supervisors = Array.from({ length: SUPERVISORS }, (_, i) =>
    user(`supervisor${i + 1}`, `督查员${i + 1}`, ROOT, 'supervisor'),
  );
  const staffOf = new Map<number, number[]>();
  for (let i = 0; i < departmentCount; i++) {
    const dept = i + 2;
    const ids = [user(headLogin(dept), `负责人${dept}`, dept, 'department_head')];
    for (let k = 1; k < PER_DEPARTMENT; k++)
      ids.push(user(k === 1 ? handlerLogin(dept) : `d${dept}_u${k}`, `承办人${dept}-${k}`, dept, 'handler'));
    staffOf.set(dept, ids);
  }
  for (let start = 0; start < users.length; start += 5000) {
    await writer.insert('users', users.slice(start, start + 5000));
    progress('用户', Math.min(start + 5000, users.length), users.length);
  }
  await writer.insert('user_roles', roles);

  const pick = zipfPicker(departmentCount, rnd);
  const loadOf = new Map<number, number>();
  let assignmentId = 0;
  let feedbackId = 0;
  let eventId = 0;
  const batch = { items: [] as Row[], assignments: [] as Row[], feedbacks: [] as Row[], events: [] as Row[] };
  const flush = async () => {
    await writer.insert('items', batch.items);
    await writer.insert('assignments', batch.assignments);
    await writer.insert('feedbacks', batch.feedbacks);
    await writer.insert('item_events', batch.events);
    batch.items = [];
    batch.assignments = [];
    batch.feedbacks = [];
    batch.events = [];
  };
  const seqOfYear = new Map<number, number>();

  for (let itemId = 1; itemId <= itemCount; itemId++) {
    const createdAt = now - 5 * DAY - Math.floor(rnd() * 1095 * DAY);
    const year = new Date(createdAt).getUTCFullYear();
    const seq = (seqOfYear.get(year) ?? 0) + 1;
    seqOfYear.set(year, seq);
    const cycle = CYCLES[Math.floor(rnd() * CYCLES.length)] ?? 'monthly';
    const sourceType = SOURCES[itemId % SOURCES.length] ?? 'meeting';
    const assignedAt = createdAt + Math.floor(rnd() * 3 * DAY);
    const deadlineMs = assignedAt + (15 + Math.floor(rnd() * 75)) * DAY;
    const age = (now - assignedAt) / DAY;
    const departmentsOfItem = new Set<number>();
    const wanted = 1 + Math.floor(rnd() * 5);
    while (departmentsOfItem.size < wanted) departmentsOfItem.add(pick() + 2);
    let open = false;
    let lastClosed = 0;
    let role = 'lead';
    for (const dept of departmentsOfItem) {
      const id = ++assignmentId;
      loadOf.set(dept, (loadOf.get(dept) ?? 0) + 1);
      const staff = staffOf.get(dept) ?? [];
      const accountable = staff[1 + Math.floor(rnd() * (staff.length - 1))] ?? null;
      const roll = rnd();
      const closedChance = age > 200 ? 0.95 : (age / 200) * 0.85;
      let status: string;
      let closedAt: number | null = null;
      const closing = assignedAt + (7 + Math.floor(rnd() * 113)) * DAY;
      // Work whose closing day has not come yet is still open.
      if (roll < closedChance && closing < now) {
        status = 'closed';
        closedAt = closing;
      } else if (roll < closedChance + 0.03) status = 'suspended';
      else
        status = age < 10 && rnd() < 0.4 ? 'assigned' : rnd() < 0.9 ? 'acknowledged' : 'completion_requested';
      if (status !== 'closed' && status !== 'suspended') open = true;
      if (closedAt) lastClosed = Math.max(lastClosed, closedAt);
      const acknowledgedAt = status === 'assigned' ? null : assignedAt + Math.floor(rnd() * 2 * DAY);
      const assignment: Row = {
        id,
        item_id: itemId,
        department_id: dept,
        role,
        status,
        accountable_user_id: status === 'assigned' ? null : accountable,
        deadline: day(deadlineMs),
        feedback_cycle: cycle,
        assigned_at: iso(assignedAt),
        acknowledged_at: acknowledgedAt === null ? null : iso(acknowledgedAt),
        completion_evidence: null,
        completion_requested_at: status === 'completion_requested' ? iso(now - DAY) : null,
        return_reason: null,
        closed_at: closedAt === null ? null : iso(closedAt),
        closed_on_time: closedAt === null ? null : day(closedAt) <= day(deadlineMs) ? 1 : 0,
        updated_at: iso(closedAt ?? acknowledgedAt ?? assignedAt),
        source_type: sourceType,
        standing: 0,
        feedback_owed_start: null,
        feedback_owed_end: null,
      };
      batch.assignments.push(assignment);
      role = 'assist';
      if (acknowledgedAt === null || accountable === null) continue;
      const delivered = new Set<string>();
      // Past periods only: the current period's feedback is still to come, so the API can submit it.
      const until = Math.min(closedAt ?? now, now);
      let cursor = day(acknowledgedAt);
      for (let k = 0; k < 18; k++) {
        const p = periodOf(cycle, cursor, options.calendar, day(deadlineMs));
        if (p.end >= day(until) || p.end >= day(now)) break;
        const submitted = new Date(`${p.due}T02:00:00Z`).getTime() - Math.floor(rnd() * 3 * DAY);
        batch.feedbacks.push({
          id: ++feedbackId,
          assignment_id: id,
          period: p.key,
          due_date: p.due,
          content: `${p.key} 期间工作进展情况。`,
          submitted_by: accountable,
          submitted_at: iso(submitted),
          on_time: rnd() < 0.9 ? 1 : 0,
          status: 'approved',
          head_reviewed_by: staff[0] ?? null,
          office_reviewed_by: supervisors[0] ?? null,
          return_reason: null,
          updated_at: iso(submitted),
        });
        delivered.add(p.key);
        if (cycle === 'once') break;
        cursor = day(new Date(`${p.end}T00:00:00Z`).getTime() + DAY);
      }
      Object.assign(
        assignment,
        owedPeriodOf(
          {
            status: status as AssignmentStatus,
            feedback_cycle: cycle,
            acknowledged_at: iso(acknowledgedAt),
            assigned_at: iso(assignedAt),
            deadline: day(deadlineMs),
          },
          delivered,
        ),
      );
    }
    const title = `${VERBS[itemId % VERBS.length]}${OBJECTS[(itemId >> 3) % OBJECTS.length]}${MEASURES[(itemId >> 6) % MEASURES.length]}（第${itemId}项）`;
    batch.items.push({
      id: itemId,
      year,
      seq,
      number: `督〔${year}〕${seq}号`,
      title,
      requirements: `${title}，按期报送进展。`,
      source_type: sourceType,
      source_ref: '{}',
      urgency: rnd() < 0.2 ? 'urgent' : 'normal',
      difficult: 0,
      responsible_leader_id: leaders[itemId % LEADERS] ?? null,
      parent_id: null,
      status: open ? 'assigned' : lastClosed ? 'closed' : 'suspended',
      deadline: day(deadlineMs),
      working_days: null,
      feedback_cycle: cycle,
      standing: 0,
      tags: '[]',
      created_by: supervisors[itemId % SUPERVISORS] ?? 1,
      return_reason: null,
      created_at: iso(createdAt),
      updated_at: iso(assignedAt),
      closed_at: open || !lastClosed ? null : iso(lastClosed),
    });
    batch.events.push(
      {
        id: ++eventId,
        item_id: itemId,
        assignment_id: null,
        at: iso(createdAt),
        actor_id: supervisors[0] ?? null,
        kind: 'create',
        summary: '立项',
      },
      {
        id: ++eventId,
        item_id: itemId,
        assignment_id: null,
        at: iso(assignedAt),
        actor_id: supervisors[0] ?? null,
        kind: 'assign',
        summary: '交办',
      },
    );
    if (itemId % 5000 === 0 || itemId === itemCount) {
      await flush();
      progress('事项', itemId, itemCount);
    }
  }
  await writer.insert('settings', [
    { key: OWED_PERIODS_FILLED_KEY, value: '{}', version: 1, updated_at: iso(now) },
  ]);
  await writer.finish(['departments', 'users', 'items', 'assignments', 'feedbacks', 'item_events']);
  const departmentsByLoad = [...loadOf.keys()].sort((a, b) => (loadOf.get(b) ?? 0) - (loadOf.get(a) ?? 0));
  return {
    departments: departmentCount,
    users: users.length,
    items: itemCount,
    assignments: assignmentId,
    feedbacks: feedbackId,
    departmentsByLoad,
    loadOf,
  };
}
