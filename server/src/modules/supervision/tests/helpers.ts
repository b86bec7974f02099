import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../../test-support/client.js';

export interface AssignmentView {
  id: number;
  departmentId: number;
  status: string;
  version: number;
  deadline: string | null;
  light: string;
  accountable: { id: number; name: string } | null;
  closedOnTime: boolean | null;
  nextFeedbackDue: string | null;
  feedbacks: { id: number; period: string; status: string; onTime: boolean; version: number }[];
  extensions: { id: number; oldDeadline: string; newDeadline: string; status: string }[];
}

export interface ItemView {
  id: number;
  number: string;
  status: string;
  version: number;
  light: string;
  assignments: AssignmentView[];
  timeline: { kind: string; summary: string }[];
}

export function ok(res: LightMyRequestResponse, status = 200): ItemView {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json<ItemView | { item: ItemView }>();
  return 'item' in body ? body.item : body;
}

export function refused(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json<{ code: string }>().code, code, res.body);
}

export function assignmentOf(item: ItemView, departmentId: number): AssignmentView {
  const found = item.assignments.find((a) => a.departmentId === departmentId);
  assert.ok(found, `assignment for department ${departmentId}`);
  return found;
}

export const instruction = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  requirements: '按照领导批示要求，认真研究，抓好落实，按时反馈办理情况。',
  sourceType: 'instruction',
  sourceRef: { text: '请办公室牵头督办落实。', leaderName: '陈志刚', date: '2026-03-01' },
  urgency: 'urgent',
  responsibleLeaderId: null,
  feedbackCycle: 'weekly',
  ...extra,
});

/** Create, submit, approve and assign in one go, for tests that start from an assigned item. */
export async function assignedItem(
  supervisor: TestClient,
  leader: TestClient,
  body: Record<string, unknown>,
  assignments: Record<string, unknown>[],
): Promise<ItemView> {
  let item = ok(await supervisor.post('/api/items', body), 201);
  item = ok(await supervisor.post(`/api/items/${item.id}/submit`, { version: item.version }));
  item = ok(await leader.post(`/api/items/${item.id}/approve`, { version: item.version }));
  return ok(await supervisor.post(`/api/items/${item.id}/assign`, { version: item.version, assignments }));
}
