/** `papershelf backup`, `backups`, `restore`, `dump`, `load`: keeping a library safe. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { resolveLibraryDir } from '../../library/home';
import { backupLibrary, listBackups, newestGoodBackup, restoreBackup } from '../../reliability/backup';
import { exportLibrary, importLibrary } from '../../reliability/dump';
import { libraryOption, withCore } from '../run';

const out = (s: string) => process.stdout.write(s + '\n');

export function registerReliability(program: Command): void {
  program
    .command('backup')
    .description('back up the library database now (SQLite online backup) into <library>/backups')
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => out(`Backed up to ${await backupLibrary(core.library.sqlite, core.library.dir, 'manual')}`));
    });

  program
    .command('backups')
    .description('list the backups of the library, newest first')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const list = listBackups(resolveLibraryDir({ explicit: libraryOption(cmd) }));
      if (opts.json) {
        out(JSON.stringify(list, null, 2));
        return;
      }
      for (const b of list) out(`${b.createdAt}  ${b.kind.padEnd(13)} ${(b.bytes / 1024).toFixed(0).padStart(8)} KiB  ${b.file}`);
      if (list.length === 0) out('No backups yet.');
    });

  program
    .command('restore [file]')
    .description('replace the library database with a backup (the current one is kept as a backup)')
    .option('--latest', 'restore the newest backup that passes an integrity check')
    .action(async (file: string | undefined, opts: { latest?: boolean }, cmd: Command) => {
      const dir = resolveLibraryDir({ explicit: libraryOption(cmd) });
      let from = file ? resolve(file) : undefined;
      if (!from && opts.latest) from = newestGoodBackup(dir)?.file;
      if (!from) throw new AppError('bad-input', file || opts.latest ? `No good backup found in ${dir}/backups` : 'Name a backup file, or pass --latest');
      const r = await restoreBackup(dir, from);
      out(`Restored ${r.restored}${r.saved ? `; the previous database was saved as ${r.saved}` : ''}`);
    });

  program
    .command('dump <dir>')
    .description('export the whole library (database, PDFs and a JSON dump of all data) into an empty folder')
    .action(async (dir: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        const r = await exportLibrary(core.library, resolve(dir));
        out(`Exported ${r.papers} papers and ${r.pdfs} PDFs to ${resolve(dir)}`);
      });
    });

  program
    .command('load <dir>')
    .description('create the library (which must be new) from a folder made by `papershelf dump`')
    .action((dir: string, _o: unknown, cmd: Command) => {
      const target = resolveLibraryDir({ explicit: libraryOption(cmd) });
      const r = importLibrary(resolve(dir), target);
      out(`Imported ${r.papers} papers and ${r.pdfs} PDFs into ${target}`);
    });
}
