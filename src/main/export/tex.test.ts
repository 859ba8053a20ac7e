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

  /**
   * pdfLaTeX, then BibTeX or biber, then pdfLaTeX twice; every step's log must be clean.
   * pdfLaTeX has no glyphs for the Vietnamese horn and hook: biber writes them as macros
   * (--output-safechars), which the .bib's @preamble defines when the document does not.
   */
  function compile(name: string, bib: string, backend: 'bibtex' | 'biber') {
    writeFileSync(join(dir, `${name}.bib`), bib);
    const preamble =
      backend === 'bibtex'
        ? '\\usepackage{url}\n\\usepackage{hyperref}'
        : `\\usepackage[backend=biber,maxbibnames=200]{biblatex}\n\\addbibresource{${name}.bib}`;
    const body = backend === 'bibtex' ? `\\bibliographystyle{plainurl}\n\\bibliography{${name}}` : '\\printbibliography';
    writeFileSync(join(dir, `${name}.tex`), doc(preamble, body));
    expect(run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', name], dir).status).toBe(0);
    const b = backend === 'bibtex' ? run('bibtex', [name], dir) : run('biber', ['--output-safechars', name], dir);
    const blg = readFileSync(join(dir, `${name}.blg`), 'utf8');
    expect(problems(blg), blg).toEqual([]);
    expect(b.status, b.out).toBe(0);
    for (let i = 0; i < 2; i++) run('pdflatex', ['-interaction=nonstopmode', name], dir);
    const log = readFileSync(join(dir, `${name}.log`), 'utf8');
    expect(problems(log), log.slice(-3000)).toEqual([]);
    return { bbl: readFileSync(join(dir, `${name}.bbl`), 'utf8'), text: () => run('pdftotext', ['-enc', 'UTF-8', `${name}.pdf`, '-'], dir).out.replace(/\s+/g, ' ') };
  }

  it('BibTeX flavour (LaTeX commands) with pdfLaTeX + BibTeX + plainurl: every entry, no error, no warning', () => {
    const bib = exportBib(lib.db, { all: true }, 'bibtex');
    expect(bib).not.toMatch(/[^\x00-\x7f]/); // ASCII only: classic BibTeX sorts and purifies bytes
    const out = compile('classic', bib, 'bibtex');
    expect(out.bbl.match(/\\bibitem/g)).toHaveLength(FIXTURE_PAPERS.length);
    // The typeset text: accents and specials came out as characters, math as math.
    const text = out.text();
    expect(text).toContain('Steinþór');
    expect(text).toContain('100% & more: a_b ~ ^ \\ #');
    expect(text).toContain('Rønnow');
    expect(text).toContain('arXiv:hep-th/9901001');
  });

  it('BibLaTeX flavour (UTF-8) with pdfLaTeX + biber: every entry, no error, no warning', () => {
    const bib = exportBib(lib.db, { all: true }, 'biblatex');
    expect(bib).toContain('Hương, Nguyễn Thị Ngọc');
    const out = compile('modern', bib, 'biber');
    expect(out.bbl.match(/\\entry\{/g)).toHaveLength(FIXTURE_PAPERS.length);
    expect(out.bbl).toContain('\\field{eprinttype}{arxiv}');
    expect(out.text()).toContain('Steinþór');
  });

  it('BibLaTeX flavour with --ascii also compiles with biber', () => {
    const bib = exportBib(lib.db, { all: true }, 'biblatex', 'ascii');
    // Only letters with stacked marks stay UTF-8: biber cannot decode nested accent macros.
    expect(bib.match(/[^\x00-\x7f]/g)?.every((c) => /[\u0300-\u036f].*[\u0300-\u036f]/.test(c.normalize('NFD')))).toBe(true);
    expect(bib).toContain("Steingr{\\'i}msson");
    expect(compile('modern2', bib, 'biber').bbl.match(/\\entry\{/g)).toHaveLength(FIXTURE_PAPERS.length);
  });
});
