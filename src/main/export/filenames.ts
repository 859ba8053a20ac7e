/**
 * File names that are valid on Windows, macOS and Linux, and unique within one folder even on
 * case-insensitive file systems.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_CHARS = 120;

/** `name` made safe as one path segment (without extension). */
export function safeBaseName(name: string, fallback = 'untitled'): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...s].length > MAX_CHARS) s = [...s].slice(0, MAX_CHARS).join('').trim();
  s = s.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** Hands out unique file names (`Title.md`, `Title (2).md`, …), compared case-insensitively. */
export class FileNamer {
  private readonly taken = new Set<string>();

  name(base: string, ext: string): string {
    const safe = safeBaseName(base);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${safe}${ext}` : `${safe} (${n})${ext}`;
      const key = candidate.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
