// `luoshi proofread`: text and JSON output, --fix for .txt and .docx, exit status.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { proofreadCommand } from '../src/cli.js';

/** Runs the command with console output captured; restores the process exit code for the test runner. */
async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    await proofreadCommand(args);
  } finally {
    console.log = log;
    console.error = error;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

describe('luoshi proofread', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'luoshi-proofread-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints file:line:col, the line, a caret under the span and the rule, and exits 1 on errors', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, '关于开展检查的通知\n各单位要高度重视,认真抓好落实。\n');
    const { out, code } = await run([file]);
    assert.equal(code, 1);
    assert.ok(out.includes(`${file}:2:9 错误 punct.halfwidth 中文里应使用全角逗号“，”`), out);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('punct.halfwidth'));
    assert.equal(lines[at + 1], '  各单位要高度重视,认真抓好落实。');
    // Eight Chinese characters are sixteen terminal columns.
    assert.equal(lines[at + 2], `  ${' '.repeat(16)}^`);
    assert.equal(lines[at + 3], '  改为：，');
    assert.match(out, /1 个文件：错误 1，警告 0，请确认 0/);
  });

  it('exits 0 when only warnings or please-confirm findings remain', async () => {
    const file = join(dir, 'b.txt');
    await writeFile(file, 'XX同志要有针对性的加以改正。\n');
    const { code, out } = await run([file]);
    assert.equal(code, 0);
    assert.match(out, /请确认 2/);
  });

  it('prints JSON with line and column', async () => {
    const file = join(dir, 'c.txt');
    await writeFile(file, '一、总体要求。\n');
    const { out } = await run(['--format', 'json', file]);
    const report = JSON.parse(out) as {
      files: { file: string; findings: { ruleId: string; line: number; column: number }[] }[];
    };
    assert.deepEqual(
      report.files[0]?.findings.map((f) => [f.ruleId, f.line, f.column]),
      [['format.heading-period', 1, 7]],
    );
  });

  it('--fix rewrites a .txt in place with the certain corrections only, keeping its BOM', async () => {
    const file = join(dir, 'd.txt');
    await writeFile(file, '\uFEFF会议强调:要坚持“四个自信”，牢固树立四个意识。\nXX同志出席。\n');
    const { out, code } = await run(['--fix', file]);
    assert.equal(code, 0);
    assert.match(out, /已自动修改 2 处/);
    assert.equal(
      await readFile(file, 'utf8'),
      '\uFEFF会议强调：要坚持“四个自信”，牢固树立“四个意识”。\nXX同志出席。\n',
    );
  });

  it('reads .docx through mammoth and writes FILE.fixed.txt with --fix', async () => {
    const file = join(dir, 'e.docx');
    const doc = new Document({
      sections: [
        { children: [new Paragraph('关于开展检查的通知'), new Paragraph('各单位要高度重视,认真抓好落实。')] },
      ],
    });
    await writeFile(file, await Packer.toBuffer(doc));
    const checked = await run([file]);
    assert.ok(checked.out.includes(`${file}:2:9 错误 punct.halfwidth`), checked.out);
    const fixed = await run(['--fix', file]);
    assert.match(fixed.out, /e\.docx\.fixed\.txt/);
    assert.equal(
      await readFile(`${file}.fixed.txt`, 'utf8'),
      '关于开展检查的通知\n各单位要高度重视，认真抓好落实。\n',
    );
  });

  it('exits 2 with usage on bad arguments or unreadable files', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--format', 'xml', 'x.txt'])).code, 2);
    const missing = await run([join(dir, 'missing.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /无法读取/);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /用法：luoshi proofread/);
  });
});
