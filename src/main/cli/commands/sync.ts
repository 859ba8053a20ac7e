/**
 * `papershelf sync hf|arxiv|rss|runs|resume`: the app's sync runner from a terminal. A progress
 * line goes to stderr, the summary to stdout; a failed run exits 1 with its reason.
 */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { describeSpec, SourceSpecSchema, type SourceSpec, type SyncRun } from '../../../shared/sync';
import type { Core } from '../../core/createCore';
import type { StartedRun } from '../../sync/service';
import { listRuns } from '../../sync/store';
import { withCore } from '../run';

function parseSpec(raw: unknown): SourceSpec {
  const r = SourceSpecSchema.safeParse(raw);
  if (!r.success) {
    throw new AppError('bad-input', r.error.issues.map((i) => `${i.path.slice(1).join('.') || 'source'}: ${i.message}`).join('; '));
  }
  return r.data;
}

const summary = (run: SyncRun) =>
  `${run.newCount} new, ${run.updatedCount} updated, ${run.unchangedCount} unchanged (run ${run.id})`;

/** Follow a run: progress on stderr, Ctrl-C cancels, summary on stdout, failure → AppError. */
async function follow(core: Core, start: () => StartedRun): Promise<void> {
  const tty = process.stderr.isTTY;
  let runId = -1;
  const off = core.events.on('sync:progress', (e) => {
    if (e.runId !== runId) return;
    const pct = e.total ? ` ${Math.round((100 * e.current) / e.total)}%` : '';
    process.stderr.write(tty ? `\r\x1b[K sync${pct} ${e.step}` : `sync${pct} ${e.step}\n`);
  });
  const started = start();
  runId = started.run.id;
  const onSigint = () => core.sync.cancel(runId);
  process.once('SIGINT', onSigint);
  try {
    const run = await started.done;
    if (tty) process.stderr.write('\r\x1b[K');
    if (run.status === 'done') {
      process.stdout.write(`Synced ${describeSpec(run.spec)}: ${summary(run)}\n`);
      return;
    }
    const resume = `resume with: papershelf sync resume ${run.id}`;
    if (run.status === 'cancelled') throw new AppError('cancelled', `Sync cancelled after ${summary(run)}; ${resume}`);
    const transient = /^Could not get data|answered HTTP|asks to wait/.test(run.error ?? '');
    throw new AppError('network', `Sync failed: ${run.error ?? run.status}${transient ? ` (saved so far: ${summary(run)}; ${resume})` : ''}`);
  } finally {
    off();
    process.off('SIGINT', onSigint);
  }
}

const runSpec = (cmd: Command, raw: unknown) => {
  const spec = parseSpec(raw);
  return withCore(cmd, (core) => follow(core, () => core.sync.start({ spec })));
};

export function registerSync(program: Command): void {
  const sync = program.command('sync').description('bring listings from Hugging Face Daily Papers and arXiv into the library');
  sync
    .command('hf')
    .description('Hugging Face Daily Papers for a day, a date range, an ISO week or a month')
    .option('--date <YYYY-MM-DD>', 'one day')
    .option('--from <YYYY-MM-DD>', 'first day of a range (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day of a range')
    .option('--week <YYYY-Www>', 'an ISO week, e.g. 2026-W47')
    .option('--month <YYYY-MM>', 'a month, e.g. 2026-11')
    .action(async (o: { date?: string; from?: string; to?: string; week?: string; month?: string }, cmd: Command) => {
      const modes = [o.date && 'day', (o.from || o.to) && 'range', o.week && 'week', o.month && 'month'].filter(Boolean);
      if (modes.length !== 1) throw new AppError('bad-input', 'Give exactly one of --date, --from/--to, --week or --month');
      if (modes[0] === 'range' && !(o.from && o.to)) throw new AppError('bad-input', 'A range needs both --from and --to');
      const params =
        modes[0] === 'day' ? { mode: 'day', date: o.date } : modes[0] === 'range' ? { mode: 'range', from: o.from, to: o.to }
        : modes[0] === 'week' ? { mode: 'week', week: o.week } : { mode: 'month', month: o.month };
      await runSpec(cmd, { kind: 'hf', params });
    });
  sync
    .command('arxiv')
    .description("an arXiv API query in arXiv's search syntax, e.g. 'cat:cs.LG AND abs:diffusion'")
    .requiredOption('--query <query>', 'search query')
    .option('--max <n>', 'most results to fetch', '500')
    .action(async (o: { query: string; max: string }, cmd: Command) => {
      if (!/^\d+$/.test(o.max)) throw new AppError('bad-input', `--max must be a whole number, not ${o.max}`);
      await runSpec(cmd, { kind: 'arxiv', params: { query: o.query, max: Number(o.max) } });
    });
  sync
    .command('rss <categories...>')
    .description("today's arXiv announcements in one or more categories, e.g. cs.LG cs.AI")
    .action(async (categories: string[], _o: unknown, cmd: Command) => {
      await runSpec(cmd, { kind: 'rss', params: { categories } });
    });
  sync
    .command('resume <runId>')
    .description('continue an interrupted, cancelled or failed run from where it stopped')
    .action(async (runId: string, _o: unknown, cmd: Command) => {
      if (!/^\d+$/.test(runId)) throw new AppError('bad-input', `Not a run id: ${runId}`);
      await withCore(cmd, (core) => follow(core, () => core.sync.resume(Number(runId))));
    });
  sync
    .command('runs')
    .description('past sync runs, newest first')
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'how many', '20')
    .action(async (o: { json?: boolean; limit: string }, cmd: Command) => {
      await withCore(cmd, (core) => {
        const runs = listRuns(core.library.db, Math.max(1, Number(o.limit) || 20));
        if (o.json) return void process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
        for (const r of runs) {
          process.stdout.write(`${String(r.id).padStart(4)}  ${r.status.padEnd(11)} ${r.startedAt.slice(0, 16)}  ${describeSpec(r.spec)}: ${summary(r)}${r.error ? ` — ${r.error}` : ''}\n`);
        }
      });
    });
}
