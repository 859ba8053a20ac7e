/** Small display helpers for papers. */

export function shortAuthors(authors: string[]): string {
  if (authors.length === 0) return '—';
  if (authors.length === 1) return authors[0]!;
  if (authors.length === 2) return `${authors[0]} and ${authors[1]}`;
  return `${authors[0]} et al.`;
}

export function shortDate(iso: string | null): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function longDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function compactNumber(n: number | null): string {
  if (n === null) return '—';
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}
