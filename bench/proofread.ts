// npm run bench:proofread — our 公文 checker against zhlint and autocorrect-node, in the same run, over the
// labelled corpus (proofread/test/corpus/labelled.tsv), the 26 published official texts and a 5 MB document
// built by repeating them. Prints caught / missed / false findings per tool and characters per second.
// Targets (issue 4): ≥ 90 % of labelled errors caught, ≤ 3 % of clean sentences flagged, ≥ 5 M chars/s.
import { lintFor, loadConfig } from 'autocorrect-node';
import { run as zhlintRun, type Options as ZhlintOptions } from 'zhlint';
import { check } from '../proofread/src/index.js';
import { classify, loadLabelled, loadOfficial, spotOf, type Spot } from '../proofread/test/corpus.js';

const DOCUMENT_BYTES = Number(process.env.BENCH_BYTES ?? 5_000_000);

// zhlint configured for 公文: no space between Chinese and digits or Latin letters, full-width brackets and
// quotes kept as they are, ～ and · not "unified", no Markdown parsing (1. and （一） are not lists), and
// paragraph indentation (段首空二字) not trimmed. Everything else is its default behaviour.
const ZHLINT: ZhlintOptions = {
  hyperParse: ['ignore'],
  rules: {
    noSinglePair: true,
    halfwidthPunctuation: '',
    fullwidthPunctuation: '，。：；？！“”‘’',
    adjustedFullwidthPunctuation: '',
    // Its default unification without ~ · / (zhlint 0.8 crashes on `default: true` with overrides).
    unifiedPunctuation: {
      default: false,
      '“': ['「'],
      '”': ['」'],
      '‘': ['『'],
      '’': ['』'],
      '？？': ['⁇'],
      '！！': ['‼'],
      '…': ['⋯'],
    },
    spaceBetweenHalfwidthContent: true,
    noSpaceBetweenFullwidthContent: true,
    spaceBetweenMixedwidthContent: false,
    noSpaceBeforePauseOrStop: true,
    spaceAfterHalfwidthPauseOrStop: false,
    noSpaceAfterFullwidthPauseOrStop: true,
    spaceOutsideHalfwidthQuotation: false,
    noSpaceOutsideFullwidthQuotation: true,
    noSpaceInsideQuotation: true,
    spaceOutsideHalfwidthBracket: false,
    noSpaceOutsideFullwidthBracket: true,
    noSpaceInsideBracket: true,
    spaceOutsideCode: false,
    noSpaceInsideHyperMark: true,
    trimSpace: false,
    skipZhUnits: '年月日天号时分秒',
    skipPureWestern: true,
  },
};

// autocorrect configured for 公文: every space-adding rule off and no conversion of full-width marks to
// half-width; it still converts half-width punctuation to full-width and removes spaces near full-width marks.
loadConfig(
  JSON.stringify({
    rules: {
      'space-word': 0,
      'space-punctuation': 0,
      'space-bracket': 0,
      'space-backticks': 0,
      'space-dash': 0,
      fullwidth: 1,
      'no-space-fullwidth': 1,
      'no-space-fullwidth-quote': 1,
      'halfwidth-word': 0,
      'halfwidth-punctuation': 0,
      spellcheck: 0,
    },
  }),
);

/** A finding as a span of the checked text; tools that report whole lines give the changed part. */
interface Span {
  start: number;
  end: number;
  ruleId?: string;
}

interface Tool {
  name: string;
  find(text: string): Span[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const TOOLS: Tool[] = [
  {
    name: 'luoshi proofread',
    find: (text) => check(text).map((f) => ({ start: f.start, end: f.end, ruleId: f.ruleId })),
  },
  {
    // Fed line by line: its cost grows faster than the input (17 s for one 0.5 M-character document), and
    // plain-text paragraphs are independent for it anyway.
    name: 'zhlint 0.8',
    find: (text) => {
      const spans: Span[] = [];
      let offset = 0;
      for (const line of text.split('\n')) {
        if (line.trim() !== '')
          for (const v of zhlintRun(line, ZHLINT).validations)
            spans.push({ start: offset + v.index, end: offset + v.index + Math.max(1, v.length) });
        offset += line.length + 1;
      }
      return spans;
    },
  },
  {
    name: 'autocorrect-node 2.14',
    find: (text) => {
      const starts = lineStarts(text);
      return lintFor(text, 'text').lines.map((l) => {
        // It reports the old and new line; the difference between them is the flagged span.
        let a = 0;
        while (a < l.old.length && l.old[a] === l.new[a]) a++;
        let b = 0;
        while (b < l.old.length - a && l.old[l.old.length - 1 - b] === l.new[l.new.length - 1 - b]) b++;
        const base = (starts[l.l - 1] ?? 0) + l.c - 1;
        return { start: base + a, end: base + Math.max(a + 1, l.old.length - b) };
      });
    },
  },
];

function pct(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`;
}

function labelled(tool: Tool): string[] {
  const rows = loadLabelled();
  const errors = rows.filter((r) => r.expected.length > 0);
  const clean = rows.filter((r) => r.expected.length === 0);
  let caught = 0;
  let exact = 0;
  let falseOnErrors = 0;
  for (const r of errors) {
    const spans = tool.find(r.text);
    if (spans.length > 0) caught++;
    if (spans[0]?.ruleId !== undefined) {
      const got = new Set(spans.map((s) => s.ruleId));
      if (r.expected.every((id) => got.has(id))) exact++;
      falseOnErrors += spans.filter((s) => !r.expected.includes(s.ruleId ?? '')).length;
    }
  }
  const flagged = clean.map((r) => tool.find(r.text).length).filter((n) => n > 0);
  const falseOnClean = flagged.reduce((a, b) => a + b, 0);
  const lines = [
    `  labelled errors caught: ${caught}/${errors.length} (${pct(caught, errors.length)}), missed ${errors.length - caught}`,
  ];
  if (tool.name.startsWith('luoshi'))
    lines.push(
      `    with the expected rule: ${exact}/${errors.length} (${pct(exact, errors.length)}); findings of other rules on them: ${falseOnErrors}`,
    );
  lines.push(
    `  clean sentences flagged: ${flagged.length}/${clean.length} (${pct(flagged.length, clean.length)}), false findings on them: ${falseOnClean}`,
  );
  return lines;
}

function official(tool: Tool): string[] {
  const texts = loadOfficial();
  if (texts.length === 0) return ['  official texts: not present (../shared/corpus/official-texts)'];
  const spots: Spot[] = texts.flatMap(({ file, text }) =>
    tool.find(text).map((s) => spotOf(file, text, s.start, s.end)),
  );
  const { natural, noise } = classify(spots);
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  return [
    `  26 official texts (${chars} chars): ${spots.length} findings, ${natural.length} at known slips, ${noise.length} elsewhere (noise)`,
  ];
}

function bigDocument(): string {
  const texts = loadOfficial().map((t) => t.text);
  const parts = texts.length > 0 ? texts : loadLabelled().map((r) => r.text);
  const chunks: string[] = [];
  for (let bytes = 0, i = 0; bytes < DOCUMENT_BYTES; i++) {
    const part = parts[i % parts.length] ?? '';
    chunks.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  return chunks.join('\n');
}

/** Process CPU time in ms: on a shared machine it shows what one core does, whatever else is running. */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function speed(tool: Tool, doc: string): string {
  tool.find(doc.slice(0, 300_000)); // warm up the JIT on the same kind of text
  const runs = tool.name.startsWith('luoshi') ? 5 : 1;
  const wall: number[] = [];
  const used: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = cpu();
    tool.find(doc);
    used.push(cpu() - c0);
    wall.push(performance.now() - t0);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const rate = (ms: number): string => `${(doc.length / ms / 1000).toFixed(2)} M chars/s`;
  const of = runs > 1 ? `, median of ${runs}` : '';
  return `  speed: ${rate(median(wall))} wall clock (${median(wall).toFixed(0)} ms${of}); ${rate(median(used))} of CPU time`;
}

const doc = bigDocument();
console.log(
  `Proofreading benchmark — document of ${(Buffer.byteLength(doc) / 1e6).toFixed(1)} MB (${doc.length} characters), one core, Node ${process.version}\n`,
);
for (const tool of TOOLS) {
  console.log(tool.name);
  for (const line of [...labelled(tool), ...official(tool), speed(tool, doc)]) console.log(line);
  console.log('');
}
console.log('Targets: ≥ 90 % of labelled errors caught, ≤ 3 % of clean sentences flagged, ≥ 5 M chars/s.');
