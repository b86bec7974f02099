import type { Ctx } from '../../../../platform/context.js';
import type { Db } from '../../../../platform/db/schema.js';
import { invalid, notFound } from '../../../../platform/http/errors.js';
import { recordAudit } from '../../../audit/index.js';
import { beijingDate, loadCalendar, type WorkingCalendar } from '../../../calendar/index.js';
import {
  ASSIGNMENT_STATUSES,
  FEEDBACK_CYCLES,
  ROLES_IN_ASSIGNMENT,
  SOURCE_TYPES,
  URGENCIES,
} from '../../labels.js';
import { periodOf, periodsBetween, type Period } from '../../periods.js';
import { itemDetail } from '../../views.js';
import { chineseDate } from './docx-kit.js';
import { chaseNotice, feedbackForm, supervisionSlip, type ItemFacts } from './forms.js';

type Detail = Awaited<ReturnType<typeof itemDetail>>;
type AssignmentView = Detail['assignments'][number];

export const PRINT_FORMS = {
  'supervision-slip': '督办单',
  'chase-notice': '催办通知单',
  'feedback-form': '反馈单',
} as const;
export type PrintForm = keyof typeof PRINT_FORMS;

/** The source reference's fields, named as the item page names them. */
const SOURCE_REF_LABELS: Record<string, string> = {
  content: '批示内容',
  leaderName: '批示领导',
  date: '批示日期',
  documentNumber: '文号',
  meeting: '会议',
  session: '届次',
  issuer: '交办单位',
  note: '来源说明',
};

const FEEDBACK_STATUSES: Record<string, string> = {
  submitted: '待部门负责人审核',
  head_approved: '待督查室审核',
  approved: '审核通过',
  returned: '已退回',
};

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** 2026-W10 → 2026年第10周, 2026-Q1 → 2026年第一季度, 2026-H2 → 2026年下半年, 2026-03 → 2026年3月. */
export function periodLabel(key: string): string {
  if (key === 'once') return '一次性反馈';
  const m = /^(\d{4})-(?:W(\d{2})|Q([1-4])|H([12])|(\d{2}))$/.exec(key);
  if (!m) return key;
  const [, year, week, quarter, half, month] = m;
  if (week) return `${year}年第${Number(week)}周`;
  if (quarter) return `${year}年第${'一二三四'[Number(quarter) - 1]}季度`;
  if (half) return `${year}年${half === '1' ? '上' : '下'}半年`;
  return `${year}年${Number(month)}月`;
}

function itemFacts(d: Detail, deadline: string | null): ItemFacts {
  const refs = Object.entries(d.sourceRef)
    .filter(
      ([key, value]) => key !== 'reopenings' && (typeof value === 'string' || typeof value === 'number'),
    )
    .map(([key, value]) => `${label(SOURCE_REF_LABELS, key)}：${String(value)}`);
  return {
    number: d.number,
    title: d.title,
    source: [label(SOURCE_TYPES, d.sourceType), ...refs].join('\n'),
    urgency: label(URGENCIES, d.urgency),
    leader: d.responsibleLeader?.name ?? '',
    requirements: d.requirements,
    cycle: label(FEEDBACK_CYCLES, d.feedbackCycle),
    deadline: d.standing ? '长期坚持' : deadline ? chineseDate(deadline) : '自交办之日起按工作日计算',
  };
}

/** The day the item was 交办, from its timeline; a draft printed before 交办 carries today's date. */
function assignedOn(d: Detail, today: string): string {
  const at = d.timeline.find((e) => e.kind === 'assign')?.at;
  return at ? beijingDate(new Date(at)) : today;
}

function assignmentOf(d: Detail, assignmentId: number | undefined): AssignmentView {
  const a = d.assignments.find((x) => x.id === assignmentId);
  if (!a) throw notFound('承办记录');
  return a;
}

function chaseFacts(
  d: Detail,
  a: AssignmentView,
  today: string,
  calendar: WorkingCalendar,
  replyBy?: string,
) {
  const late =
    a.deadline !== null && a.status !== 'closed' && today > a.deadline ? daysBetween(a.deadline, today) : 0;
  const overdue = (): string => {
    if (d.standing) return '长期坚持事项';
    if (a.status === 'closed' || a.status === 'suspended') return label(ASSIGNMENT_STATUSES, a.status);
    if (a.deadline === null) return '—';
    if (late > 0) return `已逾期 ${late} 天`;
    return `未逾期（距时限 ${calendar.workingDaysBetween(today, a.deadline)} 个工作日）`;
  };
  const last = [...a.feedbacks].sort((x, y) => x.submittedAt.localeCompare(y.submittedAt)).at(-1);
  const reason =
    late > 0
      ? `已超过办理时限 ${late} 天，至今尚未办结。`
      : a.status === 'assigned'
        ? '交办后至今尚未签收。'
        : a.nextFeedbackDue !== null && a.nextFeedbackDue < today
          ? `本期办理情况应于${chineseDate(a.nextFeedbackDue)}前反馈，至今尚未报送。`
          : '办理进度需要加快，以确保按期办结。';
  return {
    ...itemFacts(d, a.deadline),
    department: a.departmentName,
    role: label(ROLES_IN_ASSIGNMENT, a.role),
    accountable: a.accountable?.name ?? '（尚未签收）',
    status: label(ASSIGNMENT_STATUSES, a.status),
    overdue: overdue(),
    lastFeedback: last
      ? `${chineseDate(beijingDate(new Date(last.submittedAt)))}报送${periodLabel(last.period)}情况（${label(FEEDBACK_STATUSES, last.status)}）`
      : '尚未报送反馈',
    reason,
    replyBy: chineseDate(replyBy ?? calendar.addWorkingDays(today, 2).date),
    today: chineseDate(today),
  };
}

/** The period asked for (or today's), which must be one of the assignment's periods or one it has reported. */
function periodFor(
  d: Detail,
  a: AssignmentView,
  today: string,
  calendar: WorkingCalendar,
  key?: string,
): Period {
  if (key === undefined) return periodOf(a.feedbackCycle, today, calendar, a.deadline);
  const reported = a.feedbacks.find((f) => f.period === key);
  if (reported) return { key, start: reported.dueDate, end: reported.dueDate, due: reported.dueDate };
  const until = a.deadline !== null && a.deadline > today ? a.deadline : today;
  const periods = periodsBetween(a.feedbackCycle, assignedOn(d, today), until, calendar, a.deadline);
  const found = periods.find((p) => p.key === key);
  if (!found)
    throw invalid(
      '反馈期次',
      `「${key}」不是本承办的反馈期，可选 ${periods[0]?.key ?? ''}～${periods.at(-1)?.key ?? ''}`,
    );
  return found;
}

/**
 * One printed form for an item, read exactly as the item page reads it (another department's item is 404),
 * and audited as 'export': a printed form leaves the system.
 */
export async function printForm(
  db: Db,
  ctx: Ctx,
  itemId: number,
  form: PrintForm,
  options: { assignmentId?: number | undefined; period?: string | undefined; replyBy?: string | undefined },
): Promise<{ buffer: Buffer; filename: string }> {
  const d = await itemDetail(db, ctx, itemId);
  const today = beijingDate(ctx.clock.now());
  const calendar = await loadCalendar(db);
  let buffer: Buffer;
  let period: string | undefined;
  if (form === 'supervision-slip') {
    const names = (role: string) =>
      d.assignments
        .filter((a) => a.role === role)
        .map((a) => a.departmentName)
        .join('、');
    buffer = await supervisionSlip({
      ...itemFacts(d, d.deadline),
      lead: names('lead') || '（交办时确定）',
      assists: d.assignments.length === 0 ? '（交办时确定）' : names('assist') || '无',
      issuedOn: chineseDate(assignedOn(d, today)),
    });
  } else {
    const a = assignmentOf(d, options.assignmentId);
    if (form === 'chase-notice') {
      buffer = await chaseNotice(chaseFacts(d, a, today, calendar, options.replyBy));
    } else {
      const p = periodFor(d, a, today, calendar, options.period);
      period = p.key;
      const reported = a.feedbacks.find((f) => f.period === p.key);
      buffer = await feedbackForm({
        ...itemFacts(d, a.deadline),
        department: a.departmentName,
        role: label(ROLES_IN_ASSIGNMENT, a.role),
        period: periodLabel(p.key),
        dueDate: chineseDate(p.due),
        content: reported?.content ?? null,
        submittedBy: reported?.submittedBy ?? '',
        submittedOn: reported ? chineseDate(beijingDate(new Date(reported.submittedAt))) : '',
        submitted: reported
          ? `${reported.submittedBy}于${chineseDate(beijingDate(new Date(reported.submittedAt)))}报送（${label(FEEDBACK_STATUSES, reported.status)}）`
          : '尚未在系统中报送',
      });
    }
  }
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      action: 'export',
      objectType: 'item',
      objectId: itemId,
      changes: {
        form: PRINT_FORMS[form],
        assignmentId: options.assignmentId ?? null,
        period: period ?? null,
      },
    }),
  );
  return { buffer, filename: `${PRINT_FORMS[form]}-${d.number}.docx` };
}
