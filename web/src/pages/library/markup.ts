/**
 * The editor's light markup: a body line starting with "# " is a heading. The server stores plain
 * paragraphs and the heading indexes; these convert between the two.
 */
const MARK = '# ';

export function toMarkup(body: string, headings: readonly number[]): string {
  const marked = new Set(headings);
  return body
    .split('\n')
    .map((line, i) => (marked.has(i) ? `${MARK}${line}` : line))
    .join('\n');
}

export function fromMarkup(text: string): { body: string; headings: number[] } {
  const headings: number[] = [];
  const lines = text.split('\n').map((line, i) => {
    if (!line.trimStart().startsWith(MARK)) return line;
    headings.push(i);
    return line.trimStart().slice(MARK.length);
  });
  return { body: lines.join('\n'), headings };
}

/** Sections of a text for the reader: each heading starts one; text before the first is the opening. */
export function sectionsOf(paragraphs: readonly string[], headings: readonly number[]) {
  const marked = new Set(headings);
  const sections: { heading: string | null; index: number; paragraphs: string[] }[] = [];
  paragraphs.forEach((p, i) => {
    const last = sections[sections.length - 1];
    if (marked.has(i)) sections.push({ heading: p, index: i, paragraphs: [] });
    else if (last) last.paragraphs.push(p);
    else sections.push({ heading: null, index: i, paragraphs: [p] });
  });
  return sections;
}
