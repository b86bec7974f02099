/** Helpers for the 督查督办 browser test: one browser per person, and the item page's landmarks. */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectHeading, fillLogin, storySteps, type Stack } from './harness.js';

/** Everyone taking part, each signed in in their own browser context. */
export class People {
  readonly failures: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private readonly pages = new Map<string, Page>();

  constructor(private readonly stack: () => Stack) {}

  async signIn(login: string, viewport = DESKTOP): Promise<Page> {
    const stack = this.stack();
    const context = await stack.newContext(viewport);
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => this.failures.push(`${login}: ${error.message}`));
    await fillLogin(page, login, stack.demoPassword);
    await page.waitForURL(`${stack.base}/`);
    await expectHeading(page, '我的待办');
    this.pages.set(login, page);
    return page;
  }

  as(login: string): Page {
    const page = this.pages.get(login);
    assert.ok(page, `${login} is signed in`);
    return page;
  }

  /** What each person's browser shows, saved outside the repository when a step fails. */
  async snapshot(): Promise<void> {
    for (const [login, page] of this.pages)
      await page
        .screenshot({ path: join(tmpdir(), `luoshi-e2e-failed-${login}.png`) })
        .catch(() => undefined);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
  }

  /** One step of the walk's story; a failed step saves what the browsers showed. */
  readonly step = storySteps(() => this.snapshot());
}

export const header = (page: Page) => page.getByTestId('item-header');
export const card = (page: Page) => page.locator('[data-testid^="assignment-card-"]').first();
export const timeline = (page: Page) => page.getByTestId('timeline');

/** The item's status and light, as the tags in its header show them. */
export async function expectItem(page: Page, status: string, light: string): Promise<void> {
  for (const text of [status, light])
    await header(page)
      .locator('.ant-tag', { hasText: new RegExp(`^${text}$`) })
      .waitFor();
}

export async function expectTimeline(page: Page, text: string | RegExp): Promise<void> {
  await timeline(page).getByText(text).first().waitFor();
}

export async function expectAssignment(page: Page, status: string): Promise<void> {
  await card(page).getByTestId('assignment-status').getByText(status, { exact: true }).waitFor();
}

export async function expectCard(page: Page, text: string | RegExp): Promise<void> {
  await card(page).getByText(text).first().waitFor();
}

/** The item as the server has it now, read with the page's own session. */
export async function readItem(
  page: Page,
  itemUrl: string,
): Promise<{ assignments: { deadline: string }[] }> {
  return page.evaluate(async (url) => {
    const response = await fetch(`/api${url.replace('/supervision', '')}`);
    return (await response.json()) as { assignments: { deadline: string }[] };
  }, itemUrl);
}

export const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
