/**
 * `npm run bench`: measured figures for the goals in the issues, printed as one table.
 * Each benchmark module exports `run(): Promise<BenchRow[]>`.
 */
import { printTable, type BenchRow } from './table';
import { run as spine } from './spine';
import { run as sync } from './sync';

const suites: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'spine', run: spine },
  // ── sync (#3) ──
  { name: 'sync', run: sync },
  // ── library (#4) ──
  // ── reader (#5) ──
  // ── export (#6) ──
  // ── recommendations (#8) ──
];

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const s of suites) {
  if (only && s.name !== only) continue;
  process.stderr.write(`bench: ${s.name}…\n`);
  rows.push(...(await s.run()));
}
printTable(rows);
