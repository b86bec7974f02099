import type { Finding } from './types.js';

/** The text with one finding's certain replacement applied, or null when the span no longer matches. */
export function applyOne(text: string, finding: Finding, checkedText: string): string | null {
  if (finding.replacement === undefined) return null;
  if (text !== checkedText) return null;
  return text.slice(0, finding.start) + finding.replacement + text.slice(finding.end);
}

/** A short piece of the text around a span, split so the span itself can be marked. */
export function contextOf(text: string, start: number, end: number, width = 12) {
  const visible = (s: string) => s.replace(/\r?\n/g, '↵');
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return {
    before: (from > 0 ? '…' : '') + visible(text.slice(from, start)),
    span: visible(text.slice(start, end)),
    after: visible(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

/** Save text as a UTF-8 .txt file (with BOM so that Windows Notepad recognises the encoding). */
export function downloadText(text: string, fileName: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Read a .txt file: UTF-8 first; text that does not decode as UTF-8 is read as GB18030 (older Windows files). */
export async function readTextFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Select [start, end) in a textarea and scroll it into view. setSelectionRange alone does not scroll in every
 * browser, so the caret's height is measured with an off-screen copy of the textarea's text and style.
 */
export function selectInTextArea(ta: HTMLTextAreaElement, start: number, end: number): void {
  const style = window.getComputedStyle(ta);
  const mirror = document.createElement('div');
  for (const p of [
    'fontFamily',
    'fontSize',
    'fontWeight',
    'lineHeight',
    'letterSpacing',
    'padding',
    'border',
    'boxSizing',
  ] as const)
    mirror.style[p] = style[p];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.width = `${ta.clientWidth}px`;
  mirror.textContent = ta.value.slice(0, start);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const caretTop = marker.offsetTop;
  mirror.remove();

  ta.focus({ preventScroll: true });
  ta.setSelectionRange(start, end);
  ta.scrollTop = Math.max(0, caretTop - ta.clientHeight / 3);
  ta.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}
