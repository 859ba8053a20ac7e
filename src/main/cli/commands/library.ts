/**
 * Library commands (#4): search, tag add/rm/rename/merge, tags, state, star. Papers are named by
 * arXiv id (any spelling) or numeric id; every command goes through the same handlers as the app.
 */
import type { Command } from 'commander';
import { PAPER_STATES, type PaperState } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { MARK_END, MARK_START } from '../../../shared/library';
import { resolvePaperRefs } from '../../db/queries/libraryViews';
import { searchPapers } from '../../db/queries/search';
import { findTagByPath, listTags } from '../../db/queries/tags';
import type { Core } from '../../core/createCore';
import { withCore } from '../run';

const out = (s: string) => process.stdout.write(s + '\n');

function tagIdOf(core: Core, path: string): number {
  const t = findTagByPath(core.library.db, path);
  if (!t) throw new AppError('not-found', `No tag “${path}”`);
  return t.id;
}

/** Snippet for a terminal: matches in bold when stdout is a TTY, in [brackets] otherwise. */
function termSnippet(s: string): string {
  const [a, b] = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  return s.replaceAll(MARK_START, a).replaceAll(MARK_END, b).replace(/\s+/g, ' ');
}

export function registerLibrary(program: Command): void {
  program
    .command('search')
    .description('full-text search (words, "phrases", author:, title:, tag:, year:2020-2023, -exclude)')
    .argument('<query...>', 'what to search for')
    .option('--json', 'print a JSON array: arxivId, title, score, snippet, where')
    .option('--limit <n>', 'at most this many results', '50')
    .action(async (words: string[], opts: { json?: boolean; limit: string }, cmd: Command) => {
      await withCore(cmd, (core) => {
        const limit = Math.min(1000, Math.max(1, Number.parseInt(opts.limit, 10) || 50));
        const { total, items } = searchPapers(core.library.db, words.join(' '), { limit });
        if (opts.json) {
          const plain = items.map(({ arxivId, title, score, snippet, where }) => ({
            arxivId,
            title,
            score,
            snippet: snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, ''),
            where,
          }));
          out(JSON.stringify(plain, null, 2));
          return;
        }
        for (const it of items) {
          out(`${(it.arxivId ?? String(it.id)).padEnd(16)} ${it.title}`);
          if (it.snippet) out(`${' '.repeat(17)}${it.where}: ${termSnippet(it.snippet)}`);
        }
        out(`${total} ${total === 1 ? 'match' : 'matches'}${total > items.length ? ` (showing ${items.length})` : ''}`);
      });
    });

  const tag = program.command('tag').description('add, remove, rename or merge tags');
  tag
    .command('add')
    .description('tag papers (the tag is created if needed; use a/b for a child tag)')
    .argument('<tag>')
    .argument('<ids...>', 'arXiv ids or numeric ids')
    .action(async (path: string, refs: string[], _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const ids = resolvePaperRefs(core.library.db, refs);
        const r = await core.handlers['papers:addTags']({ ids, paths: [path] });
        out(`tagged ${r.changed} ${r.changed === 1 ? 'paper' : 'papers'} with ${path}`);
      });
    });
  tag
    .command('rm')
    .description('remove a tag from papers')
    .argument('<tag>')
    .argument('<ids...>', 'arXiv ids or numeric ids')
    .action(async (path: string, refs: string[], _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const ids = resolvePaperRefs(core.library.db, refs);
        const r = await core.handlers['papers:removeTags']({ ids, tagIds: [tagIdOf(core, path)] });
        out(`removed ${path} from ${r.changed} ${r.changed === 1 ? 'paper' : 'papers'}`);
      });
    });
  tag
    .command('rename')
    .description('rename (or move) a tag with its children')
    .argument('<old>')
    .argument('<new>')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const t = await core.handlers['tags:rename']({ id: tagIdOf(core, from), path: to });
        out(`renamed ${from} to ${t.path} (${t.total} ${t.total === 1 ? 'paper' : 'papers'})`);
      });
    });
  tag
    .command('merge')
    .description('merge one tag (and its children) into another')
    .argument('<from>')
    .argument('<into>')
    .action(async (from: string, into: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const r = await core.handlers['tags:merge']({ from: tagIdOf(core, from), into: tagIdOf(core, into) });
        out(`merged ${from} into ${into} (${r.papers} ${r.papers === 1 ? 'paper' : 'papers'})`);
      });
    });

  program
    .command('tags')
    .description('list tags with paper counts (counts include child tags)')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd, (core) => {
        const tags = listTags(core.library.db);
        if (opts.json) {
          out(JSON.stringify(tags.map((t) => ({ path: t.path, count: t.total, own: t.own, color: t.color })), null, 2));
          return;
        }
        for (const t of tags) {
          const depth = t.path.split('/').length - 1;
          out(`${String(t.total).padStart(7)}  ${'  '.repeat(depth)}${t.name}`);
        }
        if (!tags.length) out('no tags yet');
      });
    });

  program
    .command('state')
    .description(`set the reading state: ${PAPER_STATES.join('|')}`)
    .argument('<args...>', 'ID… STATE')
    .action(async (args: string[], _o: unknown, cmd: Command) => {
      const state = args[args.length - 1] as PaperState;
      if (!PAPER_STATES.includes(state) || args.length < 2)
        throw new AppError('bad-input', `usage: papershelf state ID… ${PAPER_STATES.join('|')}`);
      await withCore(cmd, async (core) => {
        const ids = resolvePaperRefs(core.library.db, args.slice(0, -1));
        const r = await core.handlers['papers:setState']({ ids, state });
        out(`${r.changed} ${r.changed === 1 ? 'paper' : 'papers'} now ${state}`);
      });
    });

  program
    .command('star')
    .description('star papers')
    .argument('<ids...>', 'arXiv ids or numeric ids')
    .option('--off', 'remove the star instead')
    .action(async (refs: string[], opts: { off?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const ids = resolvePaperRefs(core.library.db, refs);
        const r = await core.handlers['papers:setStarred']({ ids, starred: !opts.off });
        out(`${opts.off ? 'unstarred' : 'starred'} ${r.changed} ${r.changed === 1 ? 'paper' : 'papers'}`);
      });
    });
}
