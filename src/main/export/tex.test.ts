/**
 * The exported .bib files go through the real tools (Debian TeX Live): pdfLaTeX + BibTeX
 * (plainurl, which prints eprint, doi and url) and pdfLaTeX + biber (biblatex), citing every entry
 * with \nocite{*}; the logs must show no error and no warning. TeX is required: CI installs it
 * (.ci/run), and without it this test fails and says what to install.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { exportBib } from './service';
import { FIXTURE_PAPERS, seedFixtures } from './testPapers';

const TEX_HINT =
  'TeX is missing: install it with `apt-get install -y texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber` (CI does this in .ci/run).';

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${cmd} not found. ${TEX_HINT}`);
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** Every line of a log that reports a problem (LaTeX, package, BibTeX and biber wordings). */
function problems(log: string): string[] {
  return log
    .split('\n')
    .filter((l) => /^!|error|warning|\bWARN\b|undefined|Missing character/i.test(l))
    .filter((l) => !/^Package: infwarerr|^\(\/.*infwarerr|warning\$ -- 0|error\$ -- 0|Providing info\/warning\/error/.test(l));
}

const doc = (preamble: string, body: string) =>
  `\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n${preamble}\n\\begin{document}\n\\nocite{*}\n${body}\n\\end{document}\n`;

describe('exported .bib files compile with the real tools', () => {
  let lib: Library;
  let dir: string;

  beforeAll(() => {
    for (const tool of ['pdflatex', 'bibtex', 'biber']) {
      const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
      if (r.error) throw new Error(`${tool} not found. ${TEX_HINT}`);
    }
    lib = openMemoryLibrary();
    seedFixtures(lib.db);
    dir = mkdtempSync(join(tmpdir(), 'papershelf-tex-'));
  });
  afterAll(() => {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('BibTeX flavour (LaTeX commands) with pdfLaTeX + BibTeX + plainurl: every entry, no error, no warning', () => {
    const bib = exportBib(lib.db, { all: true }, 'bibtex');
    expect(bib).not.toMatch(/[^\x00-\x7f]/); // ASCII only: classic BibTeX sorts and purifies bytes
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(join(dir, 'classic.tex'), doc('\\usepackage{url}\n\\usepackage{hyperref}', '\\bibliographystyle{plainurl}\n\\bibliography{refs}'));
    expect(run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'classic'], dir).status).toBe(0);
    const bt = run('bibtex', ['classic'], dir);
    const blg = readFileSync(join(dir, 'classic.blg'), 'utf8');
    expect(problems(blg), blg).toEqual([]);
    expect(bt.status, bt.out).toBe(0);
    for (let i = 0; i < 2; i++) run('pdflatex', ['-interaction=nonstopmode', 'classic'], dir);
    const log = readFileSync(join(dir, 'classic.log'), 'utf8');
    expect(problems(log), log.slice(-3000)).toEqual([]);
    const bbl = readFileSync(join(dir, 'classic.bbl'), 'utf8');
    expect(bbl.match(/\\bibitem/g)).toHaveLength(FIXTURE_PAPERS.length);
    // The typeset text: accents and specials came out as characters, math as math.
    const text = run('pdftotext', ['-enc', 'UTF-8', 'classic.pdf', '-'], dir).out.replace(/\s+/g, ' ');
    expect(text).toContain('Steinþór');
    expect(text).toContain('100% & more: a_b ~ ^ \\ #');
    expect(text).toContain('Rønnow');
    expect(text).toContain('arXiv:hep-th/9901001');
  });

  it('BibLaTeX flavour (UTF-8) with pdfLaTeX + biber: every entry, no error, no warning', () => {
    const bib = exportBib(lib.db, { all: true }, 'biblatex');
    expect(bib).toContain('Hương, Nguyễn Thị Ngọc');
    writeFileSync(join(dir, 'refs8.bib'), bib);
    writeFileSync(join(dir, 'modern.tex'), doc('\\usepackage[backend=biber,maxbibnames=200]{biblatex}\n\\addbibresource{refs8.bib}', '\\printbibliography'));
    expect(run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'modern'], dir).status).toBe(0);
    // pdfLaTeX has no glyphs for the Vietnamese horn and hook: biber writes them as macros
    // (--output-safechars), which the .bib's @preamble defines when the document does not.
    const b = run('biber', ['--output-safechars', 'modern'], dir);
    const blg = readFileSync(join(dir, 'modern.blg'), 'utf8');
    expect(problems(blg), blg).toEqual([]);
    expect(b.status, b.out).toBe(0);
    for (let i = 0; i < 2; i++) run('pdflatex', ['-interaction=nonstopmode', 'modern'], dir);
    const log = readFileSync(join(dir, 'modern.log'), 'utf8');
    expect(problems(log), log.slice(-3000)).toEqual([]);
    const bbl = readFileSync(join(dir, 'modern.bbl'), 'utf8');
    expect(bbl.match(/\\entry\{/g)).toHaveLength(FIXTURE_PAPERS.length);
    expect(bbl).toContain('\\field{eprinttype}{arxiv}');
  });

  it('BibLaTeX flavour with --ascii also compiles with biber', () => {
    const bib = exportBib(lib.db, { all: true }, 'biblatex', 'ascii');
    // Only letters with stacked marks stay UTF-8: biber cannot decode nested accent macros.
    expect(bib.match(/[^\x00-\x7f]/g)?.every((c) => /[\u0300-\u036f].*[\u0300-\u036f]/.test(c.normalize('NFD')))).toBe(true);
    expect(bib).toContain('Steingr{\\\'i}msson');
    writeFileSync(join(dir, 'refsa.bib'), bib);
    writeFileSync(join(dir, 'modern2.tex'), doc('\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refsa.bib}', '\\printbibliography'));
    run('pdflatex', ['-interaction=nonstopmode', 'modern2'], dir);
    const b = run('biber', ['--output-safechars', 'modern2'], dir);
    expect(problems(readFileSync(join(dir, 'modern2.blg'), 'utf8'))).toEqual([]);
    expect(b.status).toBe(0);
    for (let i = 0; i < 2; i++) run('pdflatex', ['-interaction=nonstopmode', 'modern2'], dir);
    expect(problems(readFileSync(join(dir, 'modern2.log'), 'utf8'))).toEqual([]);
  });
});
