import type { Db, Executor } from '../../platform/db/schema.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { beijingDate, loadCalendar, type WorkingCalendar } from '../calendar/index.js';
import { departmentsByIds, namesOfUsers } from '../identity/index.js';
import {
  assignmentsOf,
  assignmentSummariesOf,
  extensionsOf,
  feedbacksOf,
  type AssignmentSummaryRow,
} from './assignments-repository.js';
import {
  childrenOf,
  eventsOf,
  listItems,
  watchersOf,
  type ItemFilter,
  type ItemRow,
  type ItemSummaryRow,
} from './items-repository.js';
import { presentFeedback } from './feedback-view.js';
import { lightBounds, lightOf, worstLight, type Light } from './lights.js';
import { dueOfPeriodEnd } from './periods.js';
import { mayUseSupervision, mayViewItem, seesAllItems } from './policy.js';
import { getSupervisionSettings } from './settings.js';
import { loadItem } from './item-flow.js';

/** Due date of the first feedback period without a delivered feedback, once that period has begun (owed-periods.ts). */
function nextFeedbackDue(a: AssignmentSummaryRow, l: Lighting): string | null {
  if (a.status !== 'acknowledged' || a.feedback_owed_start === null || a.feedback_owed_end === null)
    return null;
  if (a.feedback_owed_start > l.today) return null;
  return dueOfPeriodEnd(a.feedback_cycle, a.feedback_owed_end, l.calendar);
}

export interface Lighting {
  today: string;
  calendar: WorkingCalendar;
  warnDays: number;
}

export async function lighting(db: Executor, ctx: Ctx): Promise<Lighting> {
  return {
    today: beijingDate(ctx.clock.now()),
    calendar: await loadCalendar(db),
    warnDays: (await getSupervisionSettings(db)).warnDays,
  };
}

export function assignmentLight(
  a: AssignmentSummaryRow,
  item: Pick<ItemRow, 'standing'>,
  l: Lighting,
): { light: Light; nextFeedbackDue: string | null } {
  const due = nextFeedbackDue(a, l);
  const light = lightOf(
    {
      status: a.status,
      deadline: a.deadline,
      standing: item.standing === 1,
      closedOnTime: a.closed_on_time === null ? null : a.closed_on_time === 1,
      nextFeedbackDue: due,
    },
    l.today,
    l.calendar,
    l.warnDays,
  );
  return { light, nextFeedbackDue: due };
}

function itemSummary(
  item: ItemSummaryRow,
  assignments: AssignmentSummaryRow[],
  lights: Light[],
  names: Map<number, string>,
) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    sourceType: item.source_type,
    urgency: item.urgency,
    status: item.status,
    standing: item.standing === 1,
    parentId: item.parent_id,
    responsibleLeader:
      item.responsible_leader_id === null
        ? null
        : { id: item.responsible_leader_id, name: names.get(item.responsible_leader_id) ?? '' },
    deadline:
      assignments
        .map((a) => a.deadline)
        .filter((d): d is string => d !== null)
        .sort()[0] ?? item.deadline,
    light: worstLight(lights) ?? (item.status === 'suspended' ? 'suspended' : 'not_started'),
    departments: assignments.map((a) => ({ departmentId: a.department_id, role: a.role, status: a.status })),
    createdAt: item.created_at,
    version: item.version,
  };
}

export type ItemSummary = ReturnType<typeof itemSummary>;

/** The list's filters as a caller gives them: the light by name, the scope from the actor. */
export type ItemListFilter = Omit<ItemFilter, 'visibleToDepartment' | 'light'> & {
  light?: Light | undefined;
};

/** Whose items an actor's list holds: one department's, or everyone's (undefined) for leaders and supervisors. */
export function listScope(ctx: Ctx): number | undefined {
  const actor = mayUseSupervision(ctx.actor);
  return seesAllItems(actor) ? undefined : (actor.departmentId ?? -1);
}

/** The item list an actor may see: everything for leaders and supervisors, their department's items otherwise. */
export async function listVisibleItems(db: Db, ctx: Ctx, filter: ItemListFilter) {
  return itemList(db, await lighting(db, ctx), listScope(ctx), filter);
}

/** A page of the list of one scope (listScope), lit as of `l`. */
export async function itemList(db: Db, l: Lighting, scope: number | undefined, filter: ItemListFilter) {
  const light = filter.light && { is: filter.light, bounds: lightBounds(l.calendar, l.today, l.warnDays) };
  const { total, rows } = await listItems(db, { ...filter, light, visibleToDepartment: scope });
  const assignments = await assignmentSummariesOf(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(
    (
      await namesOfUsers(
        db,
        rows.map((r) => r.responsible_leader_id).filter((id): id is number => id !== null),
      )
    ).map((u) => [u.id, u.name]),
  );
  const items = rows.map((item) => {
    const own = assignments.filter((a) => a.item_id === item.id);
    return itemSummary(
      item,
      own,
      own.map((a) => assignmentLight(a, item, l).light),
      names,
    );
  });
  return { total, items };
}

/** Everything on the item page: assignments with lights, feedback, extensions, children roll-up, timeline. */
export async function itemDetail(db: Db, ctx: Ctx, id: number) {
  const item = await loadItem(db, id);
  const assignments = await assignmentsOf(db, [id]);
  const watchers = await watchersOf(db, id);
  const actor: Actor = mayViewItem(
    ctx.actor,
    item,
    assignments.map((a) => a.department_id),
    watchers,
  );
  const feedbacks = await feedbacksOf(
    db,
    assignments.map((a) => a.id),
  );
  const extensions = await extensionsOf(
    db,
    assignments.map((a) => a.id),
  );
  const events = await eventsOf(db, id);
  const children = await childrenOf(db, id);
  const childAssignments = await assignmentsOf(
    db,
    children.map((c) => c.id),
  );
  const people = [
    item.responsible_leader_id,
    ...watchers,
    ...assignments.map((a) => a.accountable_user_id),
    ...events.map((e) => e.actor_id),
    ...feedbacks.map((f) => f.submitted_by),
  ];
  const names = new Map(
    (
      await namesOfUsers(
        db,
        people.filter((p): p is number => p !== null),
      )
    ).map((u) => [u.id, u.name]),
  );
  const departments = new Map(
    (
      await departmentsByIds(
        db,
        [...assignments, ...childAssignments].map((a) => a.department_id),
      )
    ).map((d) => [d.id, d.name]),
  );
  const l = await lighting(db, ctx);
  const viewed = assignments.map((a) => {
    const own = feedbacks.filter((f) => f.assignment_id === a.id);
    const { light, nextFeedbackDue } = assignmentLight(a, item, l);
    return {
      id: a.id,
      departmentId: a.department_id,
      departmentName: departments.get(a.department_id) ?? '',
      role: a.role,
      status: a.status,
      accountable:
        a.accountable_user_id === null
          ? null
          : { id: a.accountable_user_id, name: names.get(a.accountable_user_id) ?? '' },
      deadline: a.deadline,
      feedbackCycle: a.feedback_cycle,
      light,
      nextFeedbackDue,
      completionEvidence: a.completion_evidence,
      returnReason: a.return_reason,
      closedOnTime: a.closed_on_time === null ? null : a.closed_on_time === 1,
      version: a.version,
      mine: actor.departmentId === a.department_id,
      feedbacks: own.map((f) => presentFeedback(f, names.get(f.submitted_by) ?? '')),
      extensions: extensions
        .filter((e) => e.assignment_id === a.id)
        .map((e) => ({
          id: e.id,
          oldDeadline: e.old_deadline,
          newDeadline: e.new_deadline,
          reason: e.reason,
          status: e.status,
          requestedAt: e.requested_at,
          decisionNote: e.decision_note,
        })),
    };
  });
  return {
    ...itemSummary(
      item,
      assignments,
      viewed.map((a) => a.light),
      names,
    ),
    requirements: item.requirements,
    sourceRef: JSON.parse(item.source_ref) as Record<string, unknown>,
    difficult: item.difficult === 1,
    feedbackCycle: item.feedback_cycle,
    tags: JSON.parse(item.tags) as string[],
    returnReason: item.return_reason,
    watchers: watchers.map((w) => ({ id: w, name: names.get(w) ?? '' })),
    assignments: viewed,
    children: children.map((c) => {
      const own = childAssignments.filter((a) => a.item_id === c.id);
      return itemSummary(
        c,
        own,
        own.map((a) => assignmentLight(a, c, l).light),
        names,
      );
    }),
    timeline: events.map((e) => ({
      at: e.at,
      actor: e.actor_id === null ? null : (names.get(e.actor_id) ?? ''),
      kind: e.kind,
      summary: e.summary,
      assignmentId: e.assignment_id,
    })),
  };
}
