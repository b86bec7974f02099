/** Test harness for the browser tests: builds the web app, starts the real server with demo data, opens Chromium. */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS = join(ROOT, 'e2e', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface Stack {
  base: string;
  demoPassword: string;
  newContext(
    viewport: { width: number; height: number },
    storageState?: StorageState,
  ): Promise<BrowserContext>;
  /** A page of a new browser context, signed in as `login` with the demo password and on the home page. */
  signIn(login: string, viewport: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server did not answer /api/health in time:\n${output()}`);
}

async function waitForPassword(output: () => string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /演示密码：(\S+)/.exec(output());
    if (match?.[1]) return match[1];
    await sleep(100);
  }
  throw new Error(`no 演示密码 line on the server's stdout:\n${output()}`);
}

/** Build the current web sources into a temp dir (never a stale dist/web) and start the server on a free port. */
export async function startStack(): Promise<Stack> {
  mkdirSync(SHOTS, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), 'luoshi-e2e-'));
  const webDir = join(tempDir, 'web');
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      webDir,
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUOSHI_DATA_DIR: join(tempDir, 'data'),
    LUOSHI_PORT: String(port),
    LUOSHI_HOST: '127.0.0.1',
    LUOSHI_DEMO: '1',
    LUOSHI_WEB_DIR: webDir,
    LUOSHI_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.LUOSHI_KEY_FILE;
  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let browser: Browser | undefined;

  const stop = async () => {
    await browser?.close();
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, server, () => output);
    const demoPassword = await waitForPassword(() => output);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const opened = browser;
    const newContext: Stack['newContext'] = (viewport, storageState) =>
      opened.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        baseURL: base,
        storageState,
      });
    // Contexts close with the browser in stop().
    const signIn: Stack['signIn'] = async (login, viewport) => {
      const page = await (await newContext(viewport)).newPage();
      await fillLogin(page, login, demoPassword);
      await page.waitForURL(`${base}/`);
      return page;
    };
    return { base, demoPassword, newContext, signIn, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** antd puts a space between the two characters of a two-character button label. */
export const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

export async function fillLogin(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: label('登录') }).click();
}

export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Let antd's transitions (menus, modals, drawers) settle before the picture.
  await sleep(700);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? false });
}

/** The modal showing `text` once it has finished opening: a click during its zoom-in can be lost. */
export async function openedModal(page: Page, text: string): Promise<Locator> {
  const modal = page
    .locator('.ant-modal:not([class*="-enter"]):not([class*="-appear"])')
    .filter({ hasText: text });
  await modal.waitFor();
  return modal;
}

/** The open popconfirm once it has finished zooming in: a click during the animation can be lost. */
export const openedPopconfirm = (page: Page): Locator =>
  page.locator('.ant-popconfirm:not(.ant-popover-hidden):not([class*="-enter"]):not([class*="-appear"])');

/** A dropdown that has finished opening: a click during its slide-in animation can be lost. */
export const settled = (page: Page, dropdown: Locator) =>
  dropdown.and(page.locator('.ant-select-dropdown:not([class*="-enter"]):not([class*="-appear"])'));

/**
 * Open the date picker `field` and take one of its presets once the panel has finished opening: a click
 * during its slide-in can be lost, leaving the panel open over the form.
 */
export async function choosePreset(page: Page, field: Locator, preset: string): Promise<void> {
  await field.click();
  const open = '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
  const panel = page.locator(`${open}:not([class*="-enter"]):not([class*="-appear"])`);
  await panel.locator('.ant-picker-presets').getByText(preset, { exact: true }).click();
  await page.locator(open).waitFor({ state: 'hidden' });
}

/**
 * The options of the dropdown `field` controls, once it has opened. Another dropdown may still be
 * fading out with the same names in it, and antd's virtual list can briefly hold an option twice.
 */
export async function optionsOf(page: Page, field: Locator): Promise<Locator> {
  const listId = await field.getAttribute('aria-controls');
  const dropdown = settled(
    page,
    listId
      ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) })
      : page.locator('.ant-select-dropdown:visible'),
  );
  await dropdown.waitFor();
  return dropdown.locator('.ant-select-item-option');
}

/** Pick an option of an antd Select opened by clicking `field`. */
export async function choose(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await (await optionsOf(page, field)).filter({ hasText: option }).first().click();
}

/** Type into a searching antd Select and wait for a matching option from the server. */
export async function search(
  page: Page,
  field: Locator,
  text: string,
  option: string | RegExp,
): Promise<Locator> {
  await field.fill(text);
  const match = (await optionsOf(page, field)).filter({ hasText: option }).first();
  await match.waitFor();
  return match;
}

export async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

export async function typeTotp(page: Page, secret: string): Promise<void> {
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  await page.locator('.ant-otp input').first().click();
  await page.keyboard.type(code);
}

/**
 * The steps of a walk told as one story: after a failed step (`onFailure` may save what the browsers
 * showed) the later ones are skipped instead of timing out.
 */
export function storySteps(
  onFailure?: () => Promise<void>,
): (name: string, run: () => Promise<void>) => void {
  let broken: string | null = null;
  return (name, run) => {
    test(name, async (t) => {
      if (broken) return t.skip(`an earlier step failed: ${broken}`);
      try {
        await run();
      } catch (error) {
        broken = name;
        await onFailure?.();
        throw error;
      }
    });
  };
}
