// `luoshi proofread FILE… [--format json] [--fix]`: checks .txt and .docx files, prints file:line:col with
// the line and a caret under the span, and exits with status 1 when errors are found (2 on bad usage), so
// that scripts can gate on it. Node-only; the browser-safe core is index.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { check, fix, type Finding, type Severity } from './index.js';

const USAGE = `用法：luoshi proofread FILE… [--format json] [--fix] [--disable 规则,…]

  FILE          .txt（UTF-8）或 .docx 文件，可多个
  --format json 以 JSON 输出（默认为便于阅读的文本）
  --fix         只应用确定无疑的修改：.txt 原地改写，.docx 另存为 FILE.fixed.txt
  --disable     不检查的规则或规则族，如 punct.space,typo

发现“错误”级问题时退出码为 1，用法有误时为 2。`;

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', confirm: '请确认' };
/** Context shown around a finding: 公文 paragraphs are far longer than a terminal line. */
const CONTEXT = 30;

interface Options {
  files: string[];
  json: boolean;
  fix: boolean;
  disable: string[];
}

function parse(args: string[]): Options | string {
  const options: Options = { files: [], json: false, fix: false, disable: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--fix') options.fix = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : args[++i];
      if (value !== 'json' && value !== 'text') return `--format 只接受 json 或 text，收到“${value ?? ''}”`;
      options.json = value === 'json';
    } else if (arg === '--disable' || arg.startsWith('--disable=')) {
      const value = arg.includes('=') ? arg.slice(10) : args[++i];
      if (!value) return '--disable 需要规则名';
      options.disable.push(...value.split(',').filter(Boolean));
    } else if (arg === '--help' || arg === '-h') return '';
    else if (arg.startsWith('-')) return `未知选项 ${arg}`;
    else options.files.push(arg);
  }
  return options.files.length === 0 ? '请给出要校对的文件' : options;
}

interface Source {
  text: string;
  docx: boolean;
  /** A byte-order mark to write back, so that --fix leaves the file's encoding signature as it was. */
  bom: string;
}

async function readDocument(file: string): Promise<Source> {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') {
    // mammoth separates paragraphs with a blank line; one paragraph per line keeps line numbers = paragraphs.
    const { value } = await mammoth.extractRawText({ path: file });
    return { text: value.replace(/\n\n/g, '\n'), docx: true, bom: '' };
  }
  if (ext === '.doc' || ext === '.pdf' || ext === '.wps')
    throw new Error(`不支持 ${ext} 文件，请另存为 .docx 或 .txt`);
  const raw = await readFile(file, 'utf8');
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  return { text: raw.slice(bom.length), docx: false, bom };
}

/** Terminal columns of a string: CJK characters and full-width marks take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000 ||
      (c >= 0x2014 && c <= 0x201d) ||
      c === 0x2026
        ? 2
        : 1;
  }
  return w;
}

interface Located extends Finding {
  line: number;
  /** 1-based, in characters (code points). */
  column: number;
}

function locate(text: string, findings: Finding[]): Located[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return findings.map((f) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= f.start) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] ?? 0;
    return { ...f, line: lo + 1, column: [...text.slice(lineStart, f.start)].length + 1 };
  });
}

function render(file: string, text: string, f: Located): string {
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  let lineEnd = text.indexOf('\n', f.start);
  if (lineEnd === -1) lineEnd = text.length;
  const from = Math.max(lineStart, f.start - CONTEXT);
  const to = Math.min(lineEnd, Math.max(f.end, f.start + 1) + CONTEXT);
  const before = (from > lineStart ? '…' : '') + text.slice(from, f.start);
  const span = text.slice(f.start, Math.min(f.end, lineEnd)).replace(/\r$/, '');
  const after = text.slice(Math.min(f.end, lineEnd), to).replace(/\r$/, '') + (to < lineEnd ? '…' : '');
  const lines = [
    `${file}:${f.line}:${f.column} ${LABEL[f.severity]} ${f.ruleId} ${f.message}`,
    `  ${before}${span}${after}`,
    `  ${' '.repeat(width(before))}${'^'.repeat(Math.max(1, width(span)))}`,
  ];
  if (f.replacement !== undefined) lines.push(`  改为：${f.replacement === '' ? '（删除）' : f.replacement}`);
  else if (f.suggestion !== undefined)
    lines.push(`  建议：${f.suggestion === '' ? '（删除）' : f.suggestion}`);
  return lines.join('\n');
}

export async function proofreadCommand(args: string[]): Promise<void> {
  const options = parse(args);
  if (typeof options === 'string') {
    if (options) console.error(`错误：${options}\n`);
    (options ? console.error : console.log)(USAGE);
    process.exitCode = options ? 2 : 0;
    return;
  }
  const checkOptions = { disable: options.disable };
  const report: { file: string; findings: Located[]; fixed?: { count: number; written: string } }[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, confirm: 0 };
  for (const file of options.files) {
    let doc: Source;
    try {
      doc = await readDocument(file);
    } catch (error) {
      console.error(`错误：无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
      return;
    }
    let text = doc.text;
    let fixed: { count: number; written: string } | undefined;
    if (options.fix) {
      const result = fix(text, checkOptions);
      const written = doc.docx ? `${file}.fixed.txt` : file;
      if (result.applied.length > 0 || doc.docx) await writeFile(written, doc.bom + result.text, 'utf8');
      fixed = { count: result.applied.length, written };
      text = result.text;
    }
    // After --fix, what is reported is what still needs a person.
    const findings = locate(text, check(text, checkOptions));
    for (const f of findings) totals[f.severity]++;
    report.push({ file, findings, ...(fixed ? { fixed } : {}) });
    if (!options.json) {
      if (fixed)
        console.log(
          `${file}：已自动修改 ${fixed.count} 处${doc.docx ? `，结果写入 ${fixed.written}（原 .docx 未改动）` : ''}`,
        );
      for (const f of findings) console.log(`${render(file, text, f)}\n`);
    }
  }
  if (options.json) console.log(JSON.stringify({ files: report, summary: totals }, null, 2));
  else
    console.log(
      `${options.files.length} 个文件：错误 ${totals.error}，警告 ${totals.warning}，请确认 ${totals.confirm}`,
    );
  process.exitCode = totals.error > 0 ? 1 : 0;
}
