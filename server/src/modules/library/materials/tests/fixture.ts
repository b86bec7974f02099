import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test-support/app.js';
import { PASSWORD, seedOrg } from '../../../../test-support/org.js';
import { createUser } from '../../../identity/index.js';
import { insertGrant } from '../../access/grants-repository.js';

export const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  assert.equal(res.statusCode, status, res.body);
  return res.json<T>();
};

export const refused = (res: LightMyRequestResponse, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json<{ code: string }>().code, code);
};

export interface Editor {
  id: number;
  status: string;
  version: number;
  revision: number;
  title: string;
  body: string;
  headings: number[];
  publishedAt: string | null;
  scheduledAt: string | null;
  versions: { revision: number; title: string; editorName: string }[];
}

export interface Reader {
  id: number;
  title: string;
  note: string;
  locked: boolean;
  paragraphs?: string[];
  keyPoints?: string[];
}

export const SECRET = '坚持把纪律挺在前面';

export const draft = (over: Record<string, unknown> = {}) => ({
  title: '在年度组织生活会上的对照检查材料',
  type: '对照检查材料',
  topics: ['组织生活会', '纪律教育'],
  occasion: '2026年度组织生活会',
  tier: 'member',
  body: `一、基本情况\n\n  ${SECRET}，认真开展对照检查。\n二、存在的问题\n学习不够深入。`,
  headings: [0, 3],
  note: '对照检查材料的写法示范',
  keyPoints: ['问题查摆要具体'],
  ...over,
});

/** The test organisation plus an editor, and a paying member with a member grant from today. */
export async function seedLibrary(t: TestApp) {
  const org = await seedOrg(t);
  const ctx = t.ctx();
  const at = t.clock.now().toISOString();
  await t.deps.db.transaction().execute(async (trx) => {
    for (const [login, roles] of [
      ['editor', ['editor']],
      ['paid', ['member']],
    ] as const) {
      org.users[login] = (
        await createUser(trx, ctx, {
          login,
          name: login,
          departmentId: null,
          roles: [...roles],
          password: PASSWORD,
        })
      ).id;
    }
    await insertGrant(trx, {
      member_id: org.users.paid!,
      tier: 'member',
      source: 'comp',
      plan_id: null,
      order_id: null,
      code_id: null,
      starts_at: at,
      ends_at: '2027-03-02T00:00:00.000Z',
      back_years: 3,
      note: '测试',
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
      created_by: null,
      created_at: at,
    });
  });
  return org;
}
