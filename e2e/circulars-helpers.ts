/** Data for the 通报 / 责任追究 / 考核 browser test, made through the API with each person's own session. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** A JSON call from inside the page, with its session cookie and CSRF header, as the web app makes it. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'luoshi_csrf')?.value;
  const { status, text } = await page.evaluate(
    async ({ method, path, body, csrf }) => {
      const response = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body, csrf },
  );
  assert.ok(status >= 200 && status < 300, `${method} ${path}: ${status} ${text}`);
  return JSON.parse(text) as T;
}

interface Item {
  id: number;
  version: number;
  assignments: { id: number; version: number; departmentName: string }[];
}

/**
 * One item in the first inspection office (第一监督检查室): 立项 and 交办 by the supervisor, 审批 by the
 * leader, 签收 and 申请办结 by the handler, and the completion returned at 审核 — so the week has an
 * assignment in progress, and one that accountability may be started for.
 */
export async function returnedAssignment(
  pages: { supervisor: Page; leader: Page; handler: Page },
  title: string,
): Promise<{ itemId: number; assignmentId: number }> {
  const { supervisor, leader, handler } = pages;
  const item = (id: number) => call<Item>(supervisor, 'GET', `/api/items/${id}`);
  let it = await call<Item>(supervisor, 'POST', '/api/items', {
    title,
    requirements: '按期报送整改进展，逐项销号。',
    sourceType: 'instruction',
    sourceRef: { content: '请督查室跟踪督办。', leaderName: '陈志刚' },
    urgency: 'normal',
    responsibleLeaderId: null,
    workingDays: 10,
    feedbackCycle: 'once',
  });
  it = await call<Item>(supervisor, 'POST', `/api/items/${it.id}/submit`, { version: it.version });
  it = await call<Item>(leader, 'POST', `/api/items/${it.id}/approve`, { version: it.version });
  const departments = await call<{ items: { id: number; name: string }[] }>(
    supervisor,
    'GET',
    '/api/departments',
  );
  const office = departments.items.find((d) => d.name === '第一监督检查室');
  assert.ok(office, 'the demo organisation has 第一监督检查室');
  await call(supervisor, 'POST', `/api/items/${it.id}/assign`, {
    version: it.version,
    assignments: [{ departmentId: office.id, role: 'lead' }],
  });
  const assignment = async () => {
    const a = (await item(it.id)).assignments[0];
    assert.ok(a, 'the item has its assignment');
    return a;
  };
  let a = await assignment();
  await call(handler, 'POST', `/api/assignments/${a.id}/acknowledge`, { version: a.version });
  a = await assignment();
  await call(handler, 'POST', `/api/assignments/${a.id}/completion`, {
    version: a.version,
    evidence: '已完成全部整改。',
  });
  a = await assignment();
  await call(supervisor, 'POST', `/api/assignments/${a.id}/completion/return`, {
    version: a.version,
    reason: '整改材料不全，请补充台账。',
  });
  return { itemId: it.id, assignmentId: a.id };
}
