import type { FileHandle } from 'node:fs/promises';

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const TAIL = 22 + 0xffff;
/** A directory larger than this is not an office document; refuse rather than read it. */
const MAX_DIRECTORY = 4 * 1024 * 1024;

/**
 * Entry names from a zip file's central directory, or null when it is not a readable zip. The directory
 * at the end is what unzip tools trust, so a file cannot pass as a document by its first bytes alone.
 */
export async function zipEntryNames(file: FileHandle, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, TAIL);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) return null;
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const names: string[] = [];
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_ENTRY) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.length > 0 ? names : null;
}
