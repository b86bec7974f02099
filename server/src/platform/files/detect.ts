import { FILE_TYPES, OLE_TYPES, extensionOf, type FileTypeName } from './types.js';

/** What a stored upload looked like: its first bytes, its zip entries if any, and whether it is UTF-8 text. */
export interface Evidence {
  head: Buffer;
  zipEntries: readonly string[] | null;
  utf8Text: boolean;
}

export type Container = 'pdf' | 'png' | 'jpeg' | 'gif' | 'zip' | 'ole';

const MAGIC: [Container, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** The container the first bytes announce, if any. */
export function containerOf(head: Buffer): Container | null {
  for (const [container, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return container;
  }
  return null;
}

/** OOXML names its parts in [Content_Types].xml; OFD (GB/T 33190) has OFD.xml at the root. */
function zipTypeOf(entries: readonly string[]): FileTypeName | null {
  if (entries.includes('OFD.xml')) return 'ofd';
  if (!entries.includes('[Content_Types].xml')) return null;
  const under = (folder: string) => entries.some((e) => e.startsWith(folder));
  if (under('word/')) return 'docx';
  if (under('xl/')) return 'xlsx';
  if (under('ppt/')) return 'pptx';
  return null;
}

/**
 * The type of a file from its bytes, with the file name only choosing among the legacy OLE formats,
 * which share one container. Null when the bytes match no known type or contradict the extension.
 */
export function detectType(evidence: Evidence, filename: string): FileTypeName | null {
  const ext = extensionOf(filename);
  const container = containerOf(evidence.head);
  let type: FileTypeName | null;
  if (container === 'zip') type = evidence.zipEntries ? zipTypeOf(evidence.zipEntries) : null;
  else if (container === 'ole') type = OLE_TYPES.find((t) => FILE_TYPES[t].extensions.includes(ext)) ?? null;
  else if (container !== null) type = container;
  else type = evidence.utf8Text ? 'txt' : null;
  if (type === null) return null;
  const extensions: readonly string[] = FILE_TYPES[type].extensions;
  return extensions.includes(ext) ? type : null;
}
