/**
 * `npm run bench`: measured figures for the goals in the issues, printed as one table.
 * Each benchmark module exports `run(): Promise<BenchRow[]>`.
 */
import { printTable, type BenchRow } from './table';
import { run as spine } from './spine';
import { run as library } from './library';
import { run as reader } from './reader';
import { run as exportBench } from './export';
import { run as pdfs } from './pdfs';

const suites: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'spine', run: spine },
  // ── sync (#3) ──
  { name: 'pdfs', run: pdfs },
  // ── library (#4) ──
  { name: 'library', run: library },
  // ── reader (#5) ──
  { name: 'reader', run: reader },
  // ── export (#6) ──
  { name: 'export', run: exportBench },
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
