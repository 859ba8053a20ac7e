import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arxivPaper, makePdf } from '../../pdfs/testing/makePdf';
import { startPdfServer, type PdfServer } from '../../pdfs/testing/pdfServer';
import { removeDir, tempDir } from '../../pdfs/testing/harness';

const ROOT = resolve(__dirname, '../../../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const HF = resolve(ROOT, '..', 'shared', 'formats', 'hf_daily_papers.json');

function cli(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(TSX, [join(ROOT, 'src/main/cli/index.ts'), '--library', dir, ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (e, stdout, stderr) =>
      ok({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let server: PdfServer;
let dir: string;
let claw: Uint8Array;
beforeAll(async () => {
  server = await startPdfServer();
  claw = await makePdf(arxivPaper({ id: '2604.11784v2', title: 'ClawGUI', words: 'Pangolin.' }));
  dir = tempDir();
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

describe('papershelf download and import pdf', () => {
  it('download --missing fetches every missing PDF, reports each, and exits 1 when one failed', async () => {
    expect((await cli(dir, ['import', 'hf-json', HF])).code).toBe(0);
    server.files.set('2604.11784', { bytes: claw, version: 2 });
    server.files.set('2604.11211', { bytes: await makePdf(arxivPaper({ id: '2604.11211v1', title: '3DTV' })), version: 1 });
    server.plan('2604.11784', ['500']);
    const env = { PAPERSHELF_ARXIV_URL: server.url, PAPERSHELF_PDF_BACKOFF_MS: '20' };
    const r = await cli(dir, ['download', '--missing'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok +2604\.11784 +ClawGUI/m);
    expect(r.stdout).toMatch(/^ok +2604\.11211 +3DTV/m);
    expect(r.stdout).toMatch(/^FAILED 2604\.09574 .*\n +arXiv has no PDF at .*\(404\)/m);
    expect(r.stdout).toContain('2 downloaded, 1 failed, 0 skipped');
    expect(r.stderr).toContain('papershelf: 1 of 3 PDF downloads failed');
    const list = JSON.parse((await cli(dir, ['list', '--json'])).stdout) as { arxivId: string; pdf: { state: string } | null }[];
    expect(Object.fromEntries(list.map((p) => [p.arxivId, p.pdf?.state]))).toEqual({
      '2604.11784': 'done',
      '2604.11211': 'done',
      '2604.09574': 'failed',
    });
  }, 90_000); // three CLI processes: slow on a shared machine

  it('import pdf says what each file became, and refuses what is not a PDF', async () => {
    const a = join(dir, 'claw.pdf');
    const b = join(dir, 'old.pdf');
    const bad = join(dir, 'bad.pdf');
    writeFileSync(a, claw); // the file downloaded above: recognised by its sha256
    writeFileSync(b, await makePdf(arxivPaper({ id: 'hep-th/9901001v3', title: 'Strings Old and New', words: 'Quark.' })));
    writeFileSync(bad, 'not a pdf');
    const r = await cli(dir, ['import', 'pdf', a, b, bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${a}: duplicate: already in the library as paper`);
    expect(r.stdout).toMatch(/old\.pdf: new paper \d+ "Strings Old and New" \(arXiv hep-th\/9901001\)/);
    expect(r.stderr).toContain('bad.pdf: bad.pdf is not a PDF: it does not start with %PDF-');
    expect(r.stderr).toContain('papershelf: 1 of 3 files could not be imported.');
  }, 60_000);
});
