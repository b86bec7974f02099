import type { LibraryTierName } from '../../../../../shared/src/library.js';
import { invalid } from '../../../platform/http/errors.js';
import type { MaterialText } from './tables.js';

/** What an editor writes; `headings` are indexes into the body's lines. */
export interface MaterialInput {
  title: string;
  type: string;
  topics: string[];
  occasion: string | null;
  tier: LibraryTierName;
  body: string;
  headings: number[];
  note: string;
  keyPoints: string[];
}

/** The same text as the API shows it: body paragraphs without blank lines, arrays parsed. */
export interface MaterialContent extends MaterialInput {
  paragraphs: string[];
}

/**
 * Blank lines are dropped and each line trimmed, so paragraphs are exactly the body's lines; heading
 * indexes are moved along with the lines they point at.
 */
export function normaliseBody(body: string, headings: readonly number[]) {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const wanted = new Set(headings);
  for (const h of wanted)
    if (h >= lines.length) throw invalid('标题段落', `第 ${h + 1} 段不存在（正文共 ${lines.length} 段）`);
  const paragraphs: string[] = [];
  const kept: number[] = [];
  lines.forEach((line, index) => {
    const text = line.trim();
    if (!text) return;
    if (wanted.has(index)) kept.push(paragraphs.length);
    paragraphs.push(text);
  });
  if (paragraphs.length === 0) throw invalid('正文', '不能为空');
  return { body: paragraphs.join('\n'), headings: kept };
}

/** Topics are kept once each, in the order given. */
export function toStored(input: MaterialInput): MaterialText {
  const { body, headings } = normaliseBody(input.body, input.headings);
  return {
    title: input.title,
    type: input.type,
    topics: JSON.stringify([...new Set(input.topics)]),
    occasion: input.occasion || null,
    tier: input.tier,
    body,
    headings: JSON.stringify(headings),
    note: input.note,
    key_points: JSON.stringify(input.keyPoints),
  };
}

export function fromStored(text: MaterialText): MaterialContent {
  return {
    title: text.title,
    type: text.type,
    topics: JSON.parse(text.topics) as string[],
    occasion: text.occasion,
    tier: text.tier,
    body: text.body,
    paragraphs: text.body.split('\n'),
    headings: JSON.parse(text.headings) as number[],
    note: text.note,
    keyPoints: JSON.parse(text.key_points) as string[],
  };
}

export const textOf = (row: MaterialText): MaterialText => ({
  title: row.title,
  type: row.type,
  topics: row.topics,
  occasion: row.occasion,
  tier: row.tier,
  body: row.body,
  headings: row.headings,
  note: row.note,
  key_points: row.key_points,
});
