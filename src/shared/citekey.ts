/**
 * Citation keys: first author's surname + year + first significant title word, ASCII-folded and
 * lower-cased (e.g. `vaswani2017attention`); `a`, `b`, … appended on collision, as Better BibTeX does.
 */

const SKIP_WORDS = new Set(
  ('a ab aboard about above across after against al along amid among an and anti around as at before behind below ' +
    'beneath beside besides between beyond but by d da das de del dell dello dei degli della dem den der des despite ' +
    'die do down du during ein eine einem einen einer eines el en et except for from gli i il in inside into is l la las ' +
    'le les like lo los near nor of off on onto or over past per plus round save since so some sur than the through to ' +
    'toward towards un una unas under underneath une unlike uno unos until up upon versus via von while with within ' +
    'without yet zu zum towards using how what why when which who can do does we our your its their this that these those')
    .split(/\s+/),
);

/** Strip diacritics and map common non-decomposable letters to ASCII. */
export function asciiFold(s: string): string {
  const special: Record<string, string> = {
    ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th',
    ð: 'd', Ð: 'D', ı: 'i',
  };
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆøØœŒđĐłŁþÞðÐı]/g, (c) => special[c] ?? c);
}

/** The surname of a display name such as `Ashish Vaswani`, `Le, Quoc V.` or `Plato`. */
export function surnameOf(name: string): string {
  const n = name.trim();
  if (n.includes(',')) return n.split(',')[0]!.trim();
  const parts = n.split(/\s+/).filter((p) => !/^(jr\.?|sr\.?|ii|iii|iv)$/i.test(p));
  if (parts.length <= 1) return parts[0] ?? '';
  // Keep lower-case particles with the surname: "Ludwig van Beethoven" → "van Beethoven" → "vanbeethoven".
  let i = parts.length - 1;
  while (i > 1 && /^(van|von|der|den|de|da|del|di|la|le|du|dos|das|ter|ten)$/.test(parts[i - 1]!)) i--;
  return parts.slice(i).join(' ');
}

export function citationKeyBase(firstAuthor: string | null | undefined, year: number | null | undefined, title: string): string {
  const clean = (s: string) => asciiFold(s).toLowerCase().replace(/[^a-z0-9]/g, '');
  const author = clean(surnameOf(firstAuthor ?? '')) || 'anon';
  const words = asciiFold(title)
    .toLowerCase()
    .replace(/\$[^$]*\$/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !SKIP_WORDS.has(w));
  const word = words[0] ?? '';
  return `${author}${year ?? ''}${word}`;
}

/** `a`, `b`, … `z`, `aa`, `ab` … like a spreadsheet column, lower-case. */
export function postfix(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(97 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/** The first free key: `base`, then `basea`, `baseb`, … */
export function uniqueCitationKey(base: string, taken: (key: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const k = base + postfix(n);
    if (!taken(k)) return k;
  }
}
