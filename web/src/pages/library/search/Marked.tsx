import type { Mark } from './types.js';

/**
 * Text with its matched ranges in <mark>: built from text nodes only, so whatever the text holds is
 * shown as text, never interpreted as HTML.
 */
export function Marked({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const pieces: { text: string; marked: boolean; at: number }[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.start + m.length > text.length) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), marked: false, at });
    pieces.push({ text: text.slice(m.start, m.start + m.length), marked: true, at: m.start });
    at = m.start + m.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false, at });
  return (
    <>
      {pieces.map((p) =>
        p.marked ? (
          <mark key={p.at} className="library-search-mark">
            {p.text}
          </mark>
        ) : (
          <span key={p.at}>{p.text}</span>
        ),
      )}
    </>
  );
}
