import mammoth from 'mammoth';
import { containerOf } from '../../../platform/files/index.js';
import { AppError } from '../../../platform/http/errors.js';

export interface ImportedText {
  /** The document's first heading, offered as the title; null when it starts with plain text. */
  title: string | null;
  body: string;
  headings: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

const plain = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A .docx as paragraphs: mammoth turns Word's heading styles into <h1>…<h6>, and each heading becomes a
 * line of its own whose index is listed in `headings`. Images and formatting are left behind.
 */
export async function importDocx(bytes: Buffer): Promise<ImportedText> {
  if (containerOf(bytes) !== 'zip')
    throw new AppError('FILE_TYPE_REFUSED', '文件：请上传 Word 文档（.docx）');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch {
    throw new AppError('FILE_TYPE_REFUSED', '文件：无法读取，请确认是 Word 文档（.docx）');
  }
  const paragraphs: string[] = [];
  const headings: number[] = [];
  let title: string | null = null;
  for (const match of html.matchAll(/<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = plain(match[2] ?? '');
    if (!text) continue;
    const heading = match[1]?.startsWith('h') ?? false;
    if (heading && title === null && paragraphs.length === 0) {
      title = text;
      continue;
    }
    if (heading) headings.push(paragraphs.length);
    paragraphs.push(text);
  }
  if (paragraphs.length === 0)
    throw new AppError('VALIDATION_FAILED', '文件：文档中没有正文', { field: 'file' });
  return { title, body: paragraphs.join('\n'), headings };
}
