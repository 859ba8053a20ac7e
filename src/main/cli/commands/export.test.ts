import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const FORMATS = resolve(ROOT, '..', 'shared', 'formats');

let dir: string;
const cli = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src/main/cli/index.ts'), '--library', join(dir, 'lib'), ...args], {
    encoding: 'utf8',
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'papershelf-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('papershelf export / import from the command line', () => {
  it('imports .bib files, reports bad entries by line and exits 1, keeps the good ones', () => {
    const ok = cli('import', 'bib', join(FORMATS, 'bbt_bibtex_arxiv_article_460.bib'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('3 new, 0 merged, 0 with errors');
    const bad = join(dir, 'bad.bib');
    writeFileSync(bad, '@misc{x, author = {A}}\n@misc{y, title = {Good One}, eprint = {1305.4904}, archiveprefix = {arXiv}}\n');
    const r = cli('import', 'bib', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1: @misc{x} has no title`);
    expect(r.stdout).toContain('0 new, 1 merged, 1 with errors');
  });

  it('exports BibTeX (ASCII by default, --utf8, --biblatex) to stdout or a file', () => {
    const ascii = cli('export', 'bibtex');
    expect(ascii.status).toBe(0);
    expect(ascii.stdout).toContain('R{\\o}nnow, Troels F.');
    expect(cli('export', 'bibtex', '--utf8').stdout).toContain('Rønnow, Troels F.');
    const out = join(dir, 'refs.bib');
    expect(cli('export', 'bibtex', '--biblatex', '-o', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('eprinttype = {arxiv}');
    const both = cli('export', 'bibtex', '--ascii', '--utf8');
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('Choose one of --ascii and --utf8');
    expect(cli('export', 'bibtex', '--tag', 'nope').stderr).toContain('No tag named "nope"');
  });

  it('exports Markdown files into a folder, CSL-JSON and RIS', () => {
    const md = join(dir, 'md');
    expect(cli('export', 'markdown', '-o', md).status).toBe(0);
    const files = readdirSync(md).sort();
    expect(files).toEqual(['BV Master Action for Heterotic and Type II String Field Theories.md', 'Classical Signature of Quantum Annealing.md', 'Defining and Detecting Quantum Speedup.md']);
    const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(md, files[2]!), 'utf8'))!;
    expect(parseYaml(fm[1]!)).toMatchObject({ arxiv: '1401.2910', citekey: 'Ronnow.2014.Defining', year: 2014 });
    const csl = JSON.parse(cli('export', 'csl-json').stdout) as { id: string }[];
    expect(csl.map((c) => c.id).sort()).toEqual(['Ronnow.2014.Defining', 'Sen.2016.BV', 'Smolin.2013.Classical']);
    expect(cli('export', 'ris').stdout.match(/^TY {2}- /gm)).toHaveLength(3);
  });
});
