import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { DEMO_PASSWORD, loadDemo } from '../../demo/index.js';
import { light as lightSchema } from '../routes/schemas.js';

interface Listed {
  total: number;
  items: { id: number; light: string; departments: { departmentId: number }[] }[];
}

const LIGHTS = lightSchema.options;

/** The light filter is evaluated in the database: it must pick exactly the items that show that light. */
describe(`item list filtered by light, on the demo's items in every state [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await loadDemo(t.deps.db, t.ctx());
  });
  after(() => t.close());

  const signIn = async (login: string): Promise<TestClient> => {
    const c = t.client();
    assert.equal((await c.login(login, DEMO_PASSWORD)).statusCode, 200);
    return c;
  };
  const list = async (c: TestClient, query: string): Promise<Listed> => {
    const res = await c.get(`/api/items?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Listed>();
  };

  test('every light picks the items that show it, with the right total and pages', async () => {
    const c = await signIn('duchayuan1');
    const all = await list(c, 'pageSize=200');
    const shown = new Set(all.items.map((i) => i.light));
    assert.ok(
      ['red', 'yellow', 'green', 'not_started', 'closed_on_time'].every((l) => shown.has(l)),
      `the demo shows several lights: ${[...shown].join(', ')}`,
    );
    for (const light of LIGHTS) {
      const expected = all.items.filter((i) => i.light === light).map((i) => i.id);
      const filtered = await list(c, `light=${light}&pageSize=200`);
      assert.equal(filtered.total, expected.length, light);
      assert.deepEqual(
        filtered.items.map((i) => i.id),
        expected,
        light,
      );
      if (expected.length > 1) {
        const second = await list(c, `light=${light}&pageSize=1&page=2`);
        assert.deepEqual(
          second.items.map((i) => i.id),
          [expected[1]],
          `${light}, page 2`,
        );
      }
    }
  });

  test('a department head filters only among the department’s items', async () => {
    const c = await signIn('jd1_head');
    const own = await list(c, 'pageSize=200');
    assert.ok(own.items.length > 0);
    for (const light of LIGHTS) {
      const filtered = await list(c, `light=${light}&pageSize=200`);
      assert.deepEqual(
        filtered.items.map((i) => i.id),
        own.items.filter((i) => i.light === light).map((i) => i.id),
        light,
      );
    }
    const department = own.items[0]?.departments[0]?.departmentId;
    const supervisor = await signIn('duchayuan1');
    const red = await list(supervisor, `light=red&departmentId=${department}&pageSize=200`);
    const inDepartment = await list(supervisor, `departmentId=${department}&pageSize=200`);
    assert.deepEqual(
      red.items.map((i) => i.id),
      inDepartment.items.filter((i) => i.light === 'red').map((i) => i.id),
    );
  });
});
