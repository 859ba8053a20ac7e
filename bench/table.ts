export interface BenchRow {
  suite: string;
  measure: string;
  value: number;
  unit: string;
  /** The goal, e.g. `≤ 20 ms`; empty when informational. */
  goal?: string;
  /** Whether the goal is met; undefined when there is no goal. */
  ok?: boolean;
}

export function printTable(rows: BenchRow[]): void {
  const head = ['suite', 'measure', 'value', 'goal', 'met'];
  const body = rows.map((r) => [
    r.suite,
    r.measure,
    `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
    r.goal ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
