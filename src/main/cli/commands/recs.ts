/**
 * `papershelf similar ARXIV_ID` and `papershelf recommend [--tag T]`: the recommendations of the
 * app (#8) from the command line. `--json` prints a ranked array of
 * `{rank, arxivId, title, score, reason, id, authors, state, nearest}`.
 */
import type { Command } from 'commander';
import { parseArxivId } from '../../../shared/arxivId';
import { AppError } from '../../../shared/errors';
import type { RecPaper } from '../../../shared/recs';
import { paperIdByArxiv, tagByName } from '../../recs/queries';
import { withCore } from '../run';

function limitOf(v: string | undefined, dflt: number): number {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AppError('bad-input', `--limit must be a whole number from 1 to 1000, not "${v}".`);
  return n;
}

function print(items: RecPaper[], json: boolean | undefined, empty: string): void {
  if (json) {
    const out = items.map((p, i) => ({
      rank: i + 1,
      arxivId: p.arxivId,
      title: p.title,
      score: p.score,
      reason: p.reason,
      id: p.id,
      authors: p.authors,
      state: p.state,
      nearest: p.nearest,
    }));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  if (!items.length) process.stdout.write(`${empty}\n`);
  items.forEach((p, i) => {
    process.stdout.write(
      `${String(i + 1).padStart(3)}. ${p.score.toFixed(3)}  ${(p.arxivId ?? '-').padEnd(12)} ${p.title}\n` +
        `     ${p.reason}\n`,
    );
  });
}

export function registerRecs(program: Command): void {
  program
    .command('similar <arxivId>')
    .description('papers in the library and the Inbox most like this one, with the reason')
    .option('--json', 'print a ranked JSON array')
    .option('--limit <n>', 'how many (default 10)')
    .action(async (arxivId: string, opts: { json?: boolean; limit?: string }, cmd: Command) => {
      const parsed = parseArxivId(arxivId);
      if (!parsed) throw new AppError('bad-input', `"${arxivId}" is not an arXiv id (e.g. 2401.12345).`);
      const limit = limitOf(opts.limit, 10);
      await withCore(cmd, (core) => {
        const id = paperIdByArxiv(core.library.db, parsed.id);
        print(core.recs.similar(id, limit), opts.json, 'No similar papers yet.');
      });
    });

  program
    .command('recommend')
    .description('rank Inbox papers by fit to the papers under a tag ("More like #tag"), or without --tag to everything tagged or starred')
    .option('--tag <tag>', 'tag path (ml/rl) or unambiguous name')
    .option('--json', 'print a ranked JSON array')
    .option('--limit <n>', 'how many (default 20)')
    .option('--last-sync', 'only papers that arrived with the latest sync session')
    .action(async (opts: { tag?: string; json?: boolean; limit?: string; lastSync?: boolean }, cmd: Command) => {
      const limit = limitOf(opts.limit, 20);
      const scope = opts.lastSync ? 'lastSync' : 'inbox';
      await withCore(cmd, (core) => {
        const tag = opts.tag === undefined ? null : tagByName(core.library.db, opts.tag);
        const res = tag ? core.recs.forTag(tag.id, { limit, scope }) : core.recs.forYou({ limit, scope });
        const what = tag ? `#${tag.path}` : 'everything tagged or starred';
        if (!opts.json) process.stdout.write(`More like ${what} (${res.positives} papers learned from, ${res.candidates} ranked)\n`);
        print(res.items, opts.json, res.positives ? 'Nothing in the Inbox to rank.' : `Nothing to learn from: no papers are ${tag ? `tagged #${tag.path}` : 'tagged or starred'} yet.`);
      });
    });
}
