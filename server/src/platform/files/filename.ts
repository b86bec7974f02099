import { extensionOf } from './types.js';

const MAX_LENGTH = 200;

/**
 * A file name safe to store and to send back in Content-Disposition: no path separators, no characters
 * Windows refuses, no control or direction-override characters, no leading/trailing dots or spaces.
 * Chinese and other letters stay as they are. Null when nothing usable is left.
 */
export function sanitizeFilename(raw: string): string | null {
  const cleaned = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return null;
  const chars = [...cleaned];
  if (chars.length <= MAX_LENGTH) return cleaned;
  // Shorten the stem, never the extension: the type check reads it.
  const ext = extensionOf(cleaned);
  const suffix = ext && ext.length < 16 ? `.${ext}` : '';
  return chars.slice(0, MAX_LENGTH - suffix.length).join('') + suffix;
}
