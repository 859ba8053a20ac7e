/**
 * `papershelf download --missing | ID…` (waits until the queue drains, with a progress line) and
 * `papershelf import pdf FILE…` (says what each file became).
 */
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseArxivId } from '../../../shared/arxivId';
import { AppError } from '../../../shared/errors';
import type { PdfImportResult } from '../../../shared/pdfs';
import type { Core } from '../../core/createCore';
import { withCore } from '../run';

function paperIdsFor(core: Core, refs: string[]): number[] {
  const s = core.library.sqlite;
  return refs.map((ref) => {
    if (/^\d+$/.test(ref)) {
      const row = s.prepare('SELECT id FROM papers WHERE id = ?').get(Number(ref)) as { id: number } | undefined;
      if (row) return row.id;
    }
    const a = parseArxivId(ref);
    const row = a ? (s.prepare('SELECT id FROM papers WHERE arxiv_id = ?').get(a.id) as { id: number } | undefined) : undefined;
    if (!row) throw new AppError('not-found', `${ref} is not in the library (give a paper id or an arXiv id of a paper you have synced).`);
    return row.id;
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function download(core: Core, ids: number[], force: boolean): Promise<void> {
  const out = process.stdout;
  const tty = out.isTTY === true;
  const label = (id: number) => {
    const p = core.library.sqlite.prepare('SELECT arxiv_id, title FROM papers WHERE id = ?').get(id) as { arxiv_id: string; title: string };
    return `${p.arxiv_id.padEnd(16)} ${p.title.slice(0, 70)}`;
  };
  core.pdfs.start();
  const r = core.pdfs.downloads.enqueue(ids, { force });
  for (const s of r.skipped) out.write(`skip   ${label(s.id)} (${s.reason})\n`);
  const total = r.queued;
  let done = 0;
  let failed = 0;
  const line = () => {
    const act = core.pdfs.downloads.activity();
    const bytes = act.reduce((n, a) => n + a.received, 0);
    return `Downloading PDFs: ${done + failed}/${total} (${failed} failed)${act.length ? `, ${act.length} active, ${mb(bytes)}` : ''}`;
  };
  const show = () => tty && out.write(`\r\x1b[2K${line()}`);
  const wanted = new Set(ids);
  const offState = core.events.on('pdf:state', (e) => {
    // Jobs queued earlier (by the app) run too; only the ones asked for here are counted.
    if (e.state === 'done' && wanted.has(e.paperId)) done++;
    if (e.state === 'failed' && wanted.has(e.paperId)) failed++;
    if (e.state === 'done' || e.state === 'failed' || (e.state === 'queued' && e.error)) {
      if (tty) out.write('\r\x1b[2K');
      const tag = e.state === 'done' ? 'ok    ' : e.state === 'failed' ? 'FAILED' : 'retry ';
      out.write(`${tag} ${label(e.paperId)}${e.error ? `\n       ${e.error}` : ''}\n`);
    }
    show();
  });
  const offProgress = core.events.on('pdf:progress', show);
  try {
    if (total > 0) {
      show();
      await core.pdfs.downloads.idle();
      await core.pdfs.text.idle();
      if (tty) out.write('\r\x1b[2K');
    }
    out.write(`${done} downloaded, ${failed} failed, ${r.skipped.length} skipped\n`);
  } finally {
    offState();
    offProgress();
  }
  if (failed > 0) throw new AppError('network', `${failed} of ${total} PDF downloads failed (reasons above).`);
}

function describe(r: PdfImportResult): string {
  const id = r.arxivId ? ` (arXiv ${r.arxivId})` : r.doi ? ` (DOI ${r.doi})` : '';
  if (r.kind === 'duplicate') return `duplicate: already in the library as paper ${r.paperId} "${r.title}"`;
  if (r.kind === 'new') return `new paper ${r.paperId} "${r.title}"${id}`;
  return `attached to paper ${r.paperId} "${r.title}" by ${r.matchedBy === 'arxiv' ? 'arXiv id' : 'DOI'}${id}${r.replaced ? ', replacing its previous PDF' : ''}`;
}

export function registerPdfs(program: Command): void {
  program
    .command('download [ids...]')
    .description('download arXiv PDFs into the library (paper ids or arXiv ids), and wait until done')
    .option('--missing', 'every paper with an arXiv id and no PDF yet')
    .option('--force', 'download again even when the PDF is already in the library')
    .action(async (refs: string[], opts: { missing?: boolean; force?: boolean }, cmd: Command) => {
      if (!opts.missing && refs.length === 0) throw new AppError('bad-input', 'Give paper ids or arXiv ids, or --missing.');
      await withCore(cmd, async (core) => {
        const ids = [...new Set([...(opts.missing ? core.pdfs.downloads.missing() : []), ...paperIdsFor(core, refs)])];
        if (ids.length === 0) {
          process.stdout.write('Nothing to download: every paper with an arXiv id has its PDF.\n');
          return;
        }
        await download(core, ids, opts.force === true);
      });
    });

  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imp
    .command('pdf <files...>')
    .description('copy PDF files into the library: attached to the paper with their arXiv id or DOI, or new papers')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      await withCore(cmd, async (core) => {
        let failed = 0;
        for (const f of files) {
          try {
            const r = await core.pdfs.import({ name: basename(f), file: resolve(f) });
            process.stdout.write(`${f}: ${describe(r)}\n`);
          } catch (e) {
            failed++;
            process.stderr.write(`${f}: ${e instanceof AppError ? e.message : (e as Error).message}\n`);
          }
        }
        // Index the full text now, so `search` finds words from these PDFs at once.
        core.pdfs.text.start();
        await core.pdfs.text.idle();
        if (failed) throw new AppError('bad-input', `${failed} of ${files.length} files could not be imported.`);
      });
    });
}
