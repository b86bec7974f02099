import dayjs from 'dayjs';
import type { SessionUser } from '../../../api/types.js';
import type { Assignment, Extension, Feedback, ItemDetail } from '../types.js';

/**
 * Which buttons to show: the same rules as the server's policy.ts and state machine, so nobody is offered
 * a step they may not take. The server still checks every request.
 */

const has = (user: SessionUser, role: SessionUser['roles'][number]) => user.roles.includes(role);

export function itemActionsFor(user: SessionUser, item: ItemDetail) {
  const supervisor = has(user, 'supervisor');
  const approver = has(user, 'leader') || (supervisor && has(user, 'department_head'));
  const s = item.status;
  return {
    submit: supervisor && s === 'draft',
    approve: approver && s === 'pending_approval',
    assign: supervisor && s === 'approved',
    suspend: supervisor && (s === 'approved' || s === 'assigned'),
    reopen: supervisor && (s === 'closed' || s === 'suspended'),
    decompose: supervisor && s !== 'closed' && s !== 'suspended',
  };
}

export type ItemActions = ReturnType<typeof itemActionsFor>;

const TRANSFERABLE = ['acknowledged', 'completion_requested', 'completion_approved', 'leader_read'];

export function assignmentActionsFor(user: SessionUser, item: ItemDetail, a: Assignment) {
  const sameDepartment = user.departmentId !== null && user.departmentId === a.departmentId;
  const head = sameDepartment && has(user, 'department_head');
  const own = sameDepartment && (has(user, 'handler') || has(user, 'department_head'));
  const supervisor = has(user, 'supervisor');
  const today = dayjs().format('YYYY-MM-DD');
  const s = a.status;
  return {
    acknowledge: own && s === 'assigned',
    /** A feedback is due for some period up to today (a returned one counts as not delivered). */
    feedback: own && s === 'acknowledged' && a.nextFeedbackDue !== null,
    extension:
      own &&
      (s === 'assigned' || s === 'acknowledged') &&
      a.deadline !== null &&
      today <= a.deadline &&
      !a.extensions.some((e) => e.status === 'pending'),
    completion: own && s === 'acknowledged',
    approveCompletion: supervisor && s === 'completion_requested',
    leaderRead: (supervisor || item.responsibleLeader?.id === user.id) && s === 'completion_approved',
    signOff: supervisor && s === 'leader_read',
    transfer: head && TRANSFERABLE.includes(s),
  };
}

export type AssignmentActions = ReturnType<typeof assignmentActionsFor>;

/** The department head reviews first, then the supervision office. */
export function mayReviewFeedback(user: SessionUser, a: Assignment, f: Feedback): boolean {
  if (f.status === 'submitted') return user.departmentId === a.departmentId && has(user, 'department_head');
  if (f.status === 'head_approved') return has(user, 'supervisor');
  return false;
}

export function mayDecideExtension(user: SessionUser, e: Extension): boolean {
  return has(user, 'supervisor') && e.status === 'pending';
}
