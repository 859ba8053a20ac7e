import type { Command } from 'commander';
import { withCore } from '../run';
import { exportListJson } from '../../db/queries/listJson';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the papers in the library')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCore(cmd, (core) => {
        const items = exportListJson(core.library.db);
        if (opts.json) {
          process.stdout.write(JSON.stringify(items, null, 2) + '\n');
          return;
        }
        for (const p of items) {
          const who = p.authors.length > 1 ? `${p.authors[0]} et al.` : (p.authors[0] ?? '');
          process.stdout.write(`${(p.arxivId ?? '-').padEnd(16)} ${(p.publishedAt ?? '').slice(0, 10)}  ${p.title}  — ${who}\n`);
        }
        process.stdout.write(`${items.length} papers\n`);
      });
    });
}
