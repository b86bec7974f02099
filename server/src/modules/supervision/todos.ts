import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import type { Todo } from '../home/index.js';
import {
  assignmentsInStatus,
  feedbacksInStatus,
  itemsInStatus,
  pendingExtensions,
} from './todos-repository.js';
import { lighting } from './views.js';
import { periodOf } from './periods.js';

const link = (itemId: number) => `/supervision/items/${itemId}`;

/** 我的待办 for supervision: what to sign, report, review, approve or sign off, by role. */
export async function supervisionTodos(db: Db, ctx: Ctx): Promise<Todo[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const todos: Todo[] = [];
  const has = (role: string) => actor.roles.some((r) => r === role);
  const dept = actor.departmentId;

  if (dept !== null && (has('handler') || has('department_head'))) {
    for (const a of await assignmentsInStatus(db, ['assigned'], dept)) {
      todos.push({
        id: `sign-${a.id}`,
        kind: 'sign',
        title: `待签收：${a.number}`,
        detail: a.title,
        link: link(a.item_id),
        dueAt: a.deadline,
        severity: 'warning',
      });
    }
    const l = await lighting(db, ctx);
    for (const a of await assignmentsInStatus(db, ['acknowledged'], dept)) {
      // The stored first owed period (owed-periods.ts), once it has begun.
      const start = a.feedback_owed_start;
      if (start === null || start > l.today) continue;
      const due = periodOf(a.feedback_cycle, start, l.calendar, a.deadline);
      if (l.calendar.workingDaysBetween(l.today, due.due) <= l.warnDays) {
        const late = due.due < l.today;
        todos.push({
          id: `feedback-${a.id}-${due.key}`,
          kind: 'feedback',
          title: `${late ? '反馈已逾期' : '待反馈'}：${a.number}`,
          detail: a.title,
          link: link(a.item_id),
          dueAt: due.due,
          severity: late ? 'danger' : 'warning',
        });
      }
    }
    for (const f of await feedbacksInStatus(db, 'submitted', has('department_head') ? dept : -1)) {
      todos.push({
        id: `review-${f.id}`,
        kind: 'review',
        title: `待审核反馈：${f.number}`,
        detail: `${f.title}（${f.period}）`,
        link: link(f.item_id),
        dueAt: null,
        severity: 'info',
      });
    }
  }
  if (has('supervisor')) {
    for (const f of await feedbacksInStatus(db, 'head_approved', null)) {
      todos.push({
        id: `office-review-${f.id}`,
        kind: 'review',
        title: `待督查室审核反馈：${f.number}`,
        detail: `${f.title}（${f.period}）`,
        link: link(f.item_id),
        dueAt: null,
        severity: 'info',
      });
    }
    for (const a of await assignmentsInStatus(db, ['completion_requested', 'leader_read'], null)) {
      const what = a.status === 'completion_requested' ? '待审核办结' : '待销号';
      todos.push({
        id: `${a.status}-${a.id}`,
        kind: 'completion',
        title: `${what}：${a.number}`,
        detail: a.title,
        link: link(a.item_id),
        dueAt: null,
        severity: 'info',
      });
    }
    for (const e of await pendingExtensions(db)) {
      todos.push({
        id: `extension-${e.id}`,
        kind: 'extension',
        title: `待审批延期：${e.number}`,
        detail: `${e.title}，申请延至 ${e.new_deadline}`,
        link: link(e.item_id),
        dueAt: null,
        severity: 'warning',
      });
    }
    for (const i of await itemsInStatus(db, 'approved')) {
      todos.push({
        id: `assign-${i.id}`,
        kind: 'assign',
        title: `待交办：${i.number}`,
        detail: i.title,
        link: link(i.id),
        dueAt: null,
        severity: 'info',
      });
    }
  }
  if (has('leader') || (has('supervisor') && has('department_head'))) {
    for (const i of await itemsInStatus(db, 'pending_approval')) {
      todos.push({
        id: `approve-${i.id}`,
        kind: 'approve',
        title: `待审批立项：${i.number}`,
        detail: i.title,
        link: link(i.id),
        dueAt: null,
        severity: 'info',
      });
    }
  }
  if (has('leader')) {
    for (const a of await assignmentsInStatus(db, ['completion_approved'], null)) {
      if (a.responsible_leader_id === actor.id) {
        todos.push({
          id: `read-${a.id}`,
          kind: 'leader_read',
          title: `待阅办结情况：${a.number}`,
          detail: a.title,
          link: link(a.item_id),
          dueAt: null,
          severity: 'info',
        });
      }
    }
  }
  return todos;
}
