#!/usr/bin/env node
// `npm test`: typecheck, lint, tests on SQLite, the same tests on PostgreSQL, browser tests.
// Prints what it skipped and why, and ends with one "N passed, N failed, N skipped" line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7);
const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];
let failedSteps = 0;

function files(dir, pattern) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(relative(root, path));
  }
  return out.sort();
}

function run(command, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function step(name, command, argv, env) {
  console.log(`\n━━ ${name} ━━`);
  const { code } = await run(command, argv, env);
  report.push(`${code === 0 ? '✔' : '✘'} ${name}`);
  if (code !== 0) failedSteps++;
  return code;
}

async function testStep(name, testFiles, env) {
  console.log(`\n━━ ${name}：${testFiles.length} 个测试文件 ━━`);
  const { code, out } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      '--test-timeout=300000',
      ...testFiles,
    ],
    env,
  );
  const count = (label) => {
    const m = out.match(new RegExp(`^[ℹ#] ${label} (\\d+)`, 'm'));
    return m ? Number(m[1]) : 0;
  };
  const passed = count('pass');
  const failed = count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0);
  const skipped = count('skipped') + count('todo');
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  report.push(`${code === 0 ? '✔' : '✘'} ${name}：${passed} 通过，${failed} 失败，${skipped} 跳过`);
  if (code !== 0) failedSteps++;
}

function skip(name, why) {
  report.push(`− 跳过 ${name}：${why}`);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1500 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const want = (part) => !only || only.split(',').includes(part);
const npx = (bin) => join(root, 'node_modules', '.bin', bin);

if (want('static')) {
  await step('类型检查 (tsc)', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  if (existsSync(join(root, 'web', 'tsconfig.json')))
    await step('类型检查 (web)', npx('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']);
  await step('代码检查 (eslint)', npx('eslint'), ['.']);
}

const routeTests = files(join(root, 'server'), /\.test\.ts$/).concat(
  files(join(root, 'shared'), /\.test\.ts$/),
  files(join(root, 'proofread'), /\.test\.ts$/),
);
const dbTests = routeTests.filter((f) => !/\.unit\.test\.ts$/.test(f));

if (want('unit')) await testStep('单元测试与路由测试（SQLite）', routeTests, { LUOSHI_TEST_DB: 'sqlite' });

if (want('pg')) {
  const url = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { hostname, port } = new URL(url);
  if (await reachable(hostname, Number(port || 5432))) {
    await testStep('仓储与路由测试（PostgreSQL）', dbTests, {
      LUOSHI_TEST_DB: 'postgres',
      DATABASE_URL_PG: url,
    });
  } else {
    skip('PostgreSQL 测试', `${hostname}:${port || 5432} 无法连接（设置 DATABASE_URL_PG 或启动 PostgreSQL）`);
    if (process.env.CI) failedSteps++;
  }
}

if (want('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const e2e = files(join(root, 'e2e'), /\.e2e\.ts$/);
  if (!existsSync(chromium)) {
    skip('浏览器测试', `未找到 Chromium（${chromium}；Debian：apt-get install chromium fonts-noto-cjk）`);
    if (process.env.CI) failedSteps++;
  } else if (e2e.length === 0) skip('浏览器测试', '没有 e2e 测试文件');
  else await testStep('浏览器测试（Chromium）', e2e, { CHROMIUM_PATH: chromium });
}

console.log('\n━━ 汇总 ━━');
for (const line of report) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0);
