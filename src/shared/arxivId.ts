/**
 * arXiv identifiers, validated by arXiv's own rules (arXiv/arxiv-base arxiv/identifier):
 * new style YYMM.NNNN(N)[vN] since 2007-04, old style archive[.SC]/YYMMNNN[vN] from 1991-08 to 2007-03.
 */

export interface ArxivId {
  /** Canonical id without version: `2604.11211`, `hep-th/9901001` (subject class dropped). */
  id: string;
  version: number | null;
}

const NEW_ID = /^(\d\d)(\d\d)\.(\d{4,5})(?:v([1-9]\d*))?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]{2,})?)(?:\.[A-Za-z-]{2,})?\/(\d\d)(\d\d)(\d{3})(?:v([1-9]\d*))?$/;

/** Parse an arXiv id in any common spelling (prefix `arXiv:`, abs/pdf URL, `.pdf` suffix). */
export function parseArxivId(input: string): ArxivId | null {
  let s = input.trim();
  s = s.replace(/^https?:\/\/(?:export\.|www\.)?arxiv\.org\/(?:abs|pdf|html)\//i, '');
  s = s.replace(/^arxiv:\s*/i, '').replace(/^\//, '').replace(/[?#].*$/, '');
  s = s.replace(/\.(pdf|ps|gz|ps\.gz)$/i, '');
  const n = NEW_ID.exec(s);
  if (n) {
    const yy = Number(n[1]);
    const mm = Number(n[2]);
    const num = n[3]!;
    if (mm < 1 || mm > 12) return null;
    if (Number(num) === 0) return null;
    // 4-digit numbers 0704..1412, 5-digit from 1501 on.
    const yymm = yy * 100 + mm;
    if (yymm < 704) return null;
    if (yy >= 15 && num.length !== 5) return null;
    if (yy < 15 && num.length !== 4) return null;
    return { id: `${n[1]}${n[2]}.${num}`, version: n[4] ? Number(n[4]) : null };
  }
  const o = OLD_ID.exec(s);
  if (o) {
    const yy = Number(o[2]);
    const mm = Number(o[3]);
    if (mm < 1 || mm > 12) return null;
    if (Number(o[4]) === 0) return null;
    // 1991-08 .. 2007-03
    const year = yy >= 91 ? 1900 + yy : 2000 + yy;
    const ym = year * 100 + mm;
    if (ym < 199108 || ym > 200703) return null;
    return { id: `${o[1]}/${o[2]}${o[3]}${o[4]}`, version: o[5] ? Number(o[5]) : null };
  }
  return null;
}

const FIND_NEW = /(?<![\d.=/])(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?)(?![\d])/gi;
const FIND_OLD = /(?:arxiv:\s*)?\b([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)\b/gi;
const FIND_URL = /arxiv\.org\/(?:abs|pdf)\/([^\s?#"'<>]+)/gi;

/** Find the first valid arXiv id in free text (PDF first page, a .bib note, a URL). */
export function findArxivId(text: string): ArxivId | null {
  for (const re of [FIND_URL, /arxiv:\s*\S+/gi, FIND_NEW, FIND_OLD]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const parsed = parseArxivId(m[1] ?? m[0]);
      if (parsed) return parsed;
    }
  }
  return null;
}

export function formatArxivId(a: ArxivId): string {
  return a.version ? `${a.id}v${a.version}` : a.id;
}

/** DOI by pattern (Crossref's recommended regex). */
export function findDoi(text: string): string | null {
  const m = /\b(10\.\d{4,9}\/[-._;()/:A-Z0-9]+[A-Z0-9])/i.exec(text);
  return m ? m[1]! : null;
}
