/**
 * Splitting a display name (`Ashish Vaswani`, `Le, Quoc V.`, `Plato`, `山田 太郎`) into family
 * and given parts for BibTeX, CSL-JSON and RIS. CJK names are written family name first.
 */
import { surnameOf } from '../../shared/citekey';

export type NameParts = { family: string; given: string; suffix: string } | { literal: string };

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;

export function splitName(name: string): NameParts {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n.includes(',')) {
    const [family, ...rest] = n.split(',');
    return { family: family!.trim(), given: rest.join(',').trim(), suffix: '' };
  }
  if (CJK.test(n)) {
    const [family, ...given] = n.split(' ');
    return given.length ? { family: family!, given: given.join(' '), suffix: '' } : { literal: n };
  }
  const sur = surnameOf(n);
  if (!sur || sur === n) return { literal: n };
  const at = n.lastIndexOf(sur);
  return { family: sur, given: n.slice(0, at).trim(), suffix: n.slice(at + sur.length).trim() };
}
