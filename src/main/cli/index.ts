/**
 * The `papershelf` command: the same core as the app, without a window.
 * Every command takes `--library DIR`; failures exit non-zero with the reason on stderr.
 */
import { Command } from 'commander';
import { registerImport } from './commands/import';
import { registerList } from './commands/list';
import { registerReliability } from './commands/reliability';
import { registerSync } from './commands/sync';
import { registerPdfs } from './commands/pdfs';
import { registerLibrary } from './commands/library';
import { registerExport } from './commands/export';
import { runCli } from './run';

const program = new Command()
  .name('papershelf')
  .description('Papershelf: your research paper library, from the command line')
  .option('--library <dir>', 'library folder (default: PAPERSHELF_HOME or ~/.local/share/papershelf)')
  .showHelpAfterError();

registerImport(program);
registerList(program);
// ── sync, download, import pdf (#3) ──
registerSync(program);
registerPdfs(program);

// ── search, tag, tags, state, star (#4) ──
registerLibrary(program);

// ── export, import bib/ris (#6) ──
registerExport(program);

// ── similar, recommend (#8) ──

// ── backup, restore (#7) ──
registerReliability(program);

void runCli(program, process.argv);
