import type { Db, Executor } from '../../platform/db/schema.js';
import { nowIso, type Actor, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Todo } from '../home/index.js';
import { recordAudit } from '../audit/index.js';
import { namesOfUsers } from '../identity/index.js';
import { notify } from '../notify/index.js';
import { loadAssignment } from './assignment-flow.js';
import {
  chasesOfAssignment,
  findChase,
  insertChase,
  markChaseRead,
  recipientsOfChases,
  saveChaseReply,
  unansweredChasesFor,
  type ChaseRow,
} from './chases-repository.js';
import { loadItem } from './item-flow.js';
import { mayActForAssignment, mayUseSupervision } from './policy.js';
import { departmentMembersWithRole } from '../identity/index.js';
import { recordStep } from './steps.js';

const OPEN = ['assigned', 'acknowledged'];
const link = (itemId: number) => `/supervision/items/${itemId}`;
/** Notifications may leave by e-mail or robot: they carry the start of a message, the page has the rest. */
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** 催办 is the supervision office's and the leaders' tool (kept here beside its only use). */
export function mayChase(actor: Actor | null): Actor {
  const a = mayUseSupervision(actor);
  if (a.roles.includes('supervisor') || a.roles.includes('leader')) return a;
  throw new AppError('FORBIDDEN', '无权催办：仅限督查员或领导');
}

/** The accountable person and the department heads; before anyone signed, the department's handlers too. */
async function recipientsFor(
  trx: Executor,
  departmentId: number,
  accountable: number | null,
): Promise<number[]> {
  const heads = (await departmentMembersWithRole(trx, [departmentId], 'department_head')).map((u) => u.id);
  const first =
    accountable === null
      ? (await departmentMembersWithRole(trx, [departmentId], 'handler')).map((u) => u.id)
      : [accountable];
  return [...new Set([...first, ...heads])];
}

export async function createChase(
  trx: Executor,
  ctx: Ctx,
  assignmentId: number,
  message: string,
): Promise<number> {
  const actor = mayChase(ctx.actor);
  const a = await loadAssignment(trx, ctx, assignmentId);
  if (!OPEN.includes(a.status)) throw new AppError('INVALID_STATE', '只有待签收或办理中的任务可以催办');
  const item = await loadItem(trx, a.item_id);
  const recipients = await recipientsFor(trx, a.department_id, a.accountable_user_id);
  if (recipients.length === 0) throw new AppError('INVALID_STATE', '承办部门没有可接收催办的人员');
  const id = await insertChase(
    trx,
    { assignment_id: a.id, item_id: a.item_id, chaser_id: actor.id, message, created_at: nowIso(ctx) },
    recipients,
  );
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: a.id,
    kind: 'chase',
    summary: `${actor.name}催办：${message.slice(0, 60)}`,
    changes: { chaseId: id, recipients },
  });
  await notify(trx, ctx, {
    userIds: recipients,
    kind: 'supervision.chase',
    title: `催办：${item.number}`,
    body: `${actor.name}：${excerpt(message)}`,
    link: link(a.item_id),
    dedupeKey: `chase:${id}`,
  });
  return id;
}

/** The chase, if the actor may see its item (another department's chase does not exist for them). */
async function loadChase(db: Executor, ctx: Ctx, id: number): Promise<ChaseRow> {
  const chase = await findChase(db, id);
  if (!chase) throw notFound('催办');
  await loadAssignment(db, ctx, chase.assignment_id);
  return chase;
}

/** A recipient opened the chase: the first reading is kept. */
export async function readChase(trx: Executor, ctx: Ctx, id: number): Promise<void> {
  const actor = mayUseSupervision(ctx.actor);
  const chase = await loadChase(trx, ctx, id);
  const recipients = await recipientsOfChases(trx, [id]);
  if (!recipients.some((r) => r.user_id === actor.id))
    throw new AppError('FORBIDDEN', '只有催办对象需要标记已读');
  if (await markChaseRead(trx, id, actor.id, nowIso(ctx)))
    await recordAudit(trx, ctx, {
      action: 'supervision.chase_read',
      objectType: 'chase',
      objectId: id,
      changes: { assignmentId: chase.assignment_id },
    });
}

/** The assigned department answers (one reply per chase); the chaser is told. */
export async function replyChase(trx: Executor, ctx: Ctx, id: number, reply: string): Promise<void> {
  const actor = mayUseSupervision(ctx.actor);
  const chase = await loadChase(trx, ctx, id);
  const a = await loadAssignment(trx, ctx, chase.assignment_id);
  mayActForAssignment(actor, a, '回复催办');
  const at = nowIso(ctx);
  if (!(await saveChaseReply(trx, id, { reply, replied_by: actor.id, replied_at: at })))
    throw new AppError('INVALID_STATE', '该催办已回复');
  await markChaseRead(trx, id, actor.id, at);
  await recordStep(trx, ctx, {
    itemId: chase.item_id,
    assignmentId: chase.assignment_id,
    kind: 'chase_reply',
    summary: `${actor.name}回复催办：${reply.slice(0, 60)}`,
    changes: { chaseId: id },
  });
  const item = await loadItem(trx, chase.item_id);
  await notify(trx, ctx, {
    userIds: [chase.chaser_id],
    kind: 'supervision.chase_reply',
    title: `催办回复：${item.number}`,
    body: `${actor.name}：${excerpt(reply)}`,
    link: link(chase.item_id),
    dedupeKey: `chase-reply:${id}`,
  });
}

async function present(db: Executor, chases: readonly ChaseRow[]) {
  const recipients = await recipientsOfChases(
    db,
    chases.map((c) => c.id),
  );
  const people = [...chases.flatMap((c) => [c.chaser_id, c.replied_by]), ...recipients.map((r) => r.user_id)];
  const names = new Map(
    (
      await namesOfUsers(
        db,
        people.filter((p): p is number => p !== null),
      )
    ).map((u) => [u.id, u.name]),
  );
  const person = (id: number) => ({ id, name: names.get(id) ?? '' });
  return chases.map((c) => ({
    id: c.id,
    assignmentId: c.assignment_id,
    itemId: c.item_id,
    chaser: person(c.chaser_id),
    message: c.message,
    createdAt: c.created_at,
    recipients: recipients
      .filter((r) => r.chase_id === c.id)
      .map((r) => ({ ...person(r.user_id), readAt: r.read_at })),
    reply: c.reply,
    repliedBy: c.replied_by === null ? null : person(c.replied_by),
    repliedAt: c.replied_at,
  }));
}
export type ChaseView = Awaited<ReturnType<typeof present>>[number];

export async function chaseDetail(db: Executor, ctx: Ctx, id: number): Promise<ChaseView> {
  mayUseSupervision(ctx.actor);
  const [view] = await present(db, [await loadChase(db, ctx, id)]);
  if (!view) throw notFound('催办');
  return view;
}

export async function chasesOf(db: Executor, ctx: Ctx, assignmentId: number): Promise<ChaseView[]> {
  mayUseSupervision(ctx.actor);
  await loadAssignment(db, ctx, assignmentId);
  return present(db, await chasesOfAssignment(db, assignmentId));
}

/** 待回复催办 on the home page, for the people chased. */
export async function chaseTodos(db: Db, ctx: Ctx): Promise<Todo[]> {
  if (!ctx.actor) return [];
  return (await unansweredChasesFor(db, ctx.actor.id)).map((c) => ({
    id: `chase-${c.id}`,
    kind: 'chase',
    title: `待回复催办：${c.number}`,
    detail: c.message.slice(0, 100),
    link: link(c.item_id),
    dueAt: null,
    severity: 'warning',
  }));
}
