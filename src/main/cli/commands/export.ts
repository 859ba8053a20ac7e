/**
 * `papershelf export bibtex|markdown|csl-json|ris` and `papershelf import bib|ris` (#6).
 * Exports go to stdout unless `-o` names a file (Markdown: a folder, one file per paper).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { ExportScope } from '../../export/records';
import { exportBib, exportCsl, exportRis, exportToFile } from '../../export/service';
import { withCore } from '../run';

interface ScopeOpts {
  tag?: string;
  output?: string;
}

const scopeOf = (o: ScopeOpts): ExportScope => (o.tag ? { tag: o.tag } : { all: true });

function emit(text: string): void {
  process.stdout.write(text);
}

export function registerExport(program: Command): void {
  const exp = program.command('export').description('export papers as BibTeX, BibLaTeX, Markdown, CSL-JSON or RIS');
  exp
    .command('bibtex')
    .description('BibTeX (LaTeX commands for non-ASCII by default) or, with --biblatex, BibLaTeX (UTF-8 by default)')
    .option('--tag <tag>', 'only papers with this tag (and its sub-tags)')
    .option('--biblatex', 'BibLaTeX flavour (@online/@article, eprinttype, date) for biber')
    .option('--ascii', 'non-ASCII as LaTeX commands')
    .option('--utf8', 'keep non-ASCII as UTF-8')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (o: ScopeOpts & { biblatex?: boolean; ascii?: boolean; utf8?: boolean }, cmd: Command) => {
      if (o.ascii && o.utf8) throw new AppError('bad-input', 'Choose one of --ascii and --utf8');
      const charset = o.ascii ? 'ascii' : o.utf8 ? 'utf8' : null;
      const flavour = o.biblatex ? 'biblatex' : 'bibtex';
      await withCore(cmd, (core) => {
        const db = core.library.db;
        if (o.output) report(exportToFile(db, { path: o.output, format: flavour, scope: scopeOf(o), charset }));
        else emit(exportBib(db, scopeOf(o), flavour, charset));
      });
    });
  exp
    .command('markdown')
    .description('one Markdown file per paper (front matter, note, annotations) into a folder')
    .option('--tag <tag>', 'only papers with this tag (and its sub-tags)')
    .requiredOption('-o, --output <dir>', 'folder to write the files into')
    .action(async (o: ScopeOpts, cmd: Command) => {
      await withCore(cmd, (core) =>
        report(exportToFile(core.library.db, { path: o.output!, format: 'markdown', scope: scopeOf(o), layout: 'perPaper' })),
      );
    });
  for (const [name, format, render] of [
    ['csl-json', 'csl-json', exportCsl],
    ['ris', 'ris', exportRis],
  ] as const) {
    exp
      .command(name)
      .description(name === 'ris' ? 'RIS records' : 'CSL-JSON (Pandoc, Zotero, citation-js)')
      .option('--tag <tag>', 'only papers with this tag (and its sub-tags)')
      .option('-o, --output <file>', 'write to this file instead of stdout')
      .action(async (o: ScopeOpts, cmd: Command) => {
        await withCore(cmd, (core) => {
          if (o.output) report(exportToFile(core.library.db, { path: o.output, format, scope: scopeOf(o) }));
          else emit(render(core.library.db, scopeOf(o)));
        });
      });
  }

  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import papers');
  for (const kind of ['bib', 'ris'] as const) {
    imp
      .command(`${kind} <file>`)
      .description(kind === 'bib' ? 'import a .bib file (BibTeX or BibLaTeX)' : 'import an .ris file')
      .action(async (file: string, _o: unknown, cmd: Command) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw new AppError('bad-input', `Cannot read ${file}: ${(e as Error).message}`);
        }
        await withCore(cmd, async (core) => {
          const r = await core.handlers[kind === 'bib' ? 'import:bib' : 'import:ris']({ text });
          for (const e of r.errors) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
          process.stdout.write(`Imported ${file}: ${r.imported} new, ${r.merged} merged, ${r.errors.length} with errors\n`);
          if (r.errors.length) process.exitCode = 1;
        });
      });
  }
}

function report(files: string[]): void {
  process.stderr.write(`Wrote ${files.length === 1 ? files[0] : `${files.length} files`}\n`);
}
