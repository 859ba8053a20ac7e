import { join } from 'node:path';
import { expect, FORMATS } from '../fixtures';
import { pdfServerTest } from '../pdfFixtures';
import { PdfsPom } from '../poms/pdfs-pom';
import { arxivPaper, makePdf } from '../../src/main/pdfs/testing/makePdf';

const HF = join(FORMATS, 'hf_daily_papers.json');

const test = pdfServerTest.extend<{ pdfs: PdfsPom }>({
  pdfs: async ({ library }, use) => {
    await use(new PdfsPom(library.page));
  },
});

test.describe('adding a local PDF in browser mode', () => {
  test('a picked PDF becomes a new paper with its PDF in the library', async ({ library, pdfs }) => {
    const bytes = await makePdf({
      title: 'Shelving Attention',
      author: 'Ada Lovelace, Alan Turing',
      pages: [['Shelving Attention', 'https://doi.org/10.1145/3592433.3601', 'A study of okapis.'], ['Page two.'], ['Page three.']],
    });
    await expect(library.count).toHaveText('0 papers');
    await pdfs.pick('shelving.pdf', bytes);
    await expect(pdfs.notices).toContainText('Added as a new paper: “Shelving Attention”');
    await expect(library.count).toHaveText('1 paper');
    await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText('Shelving Attention');
    await expect(pdfs.section).toContainText('PDF in library');
    await expect(pdfs.section).toContainText('3 pages');
    await expect(library.row('Shelving Attention').getByLabel('PDF in library')).toBeVisible();
    await library.snap('picked-pdf-new-paper');

    // The same file again is recognised by its sha256.
    await pdfs.pick('copy.pdf', bytes);
    await expect(pdfs.notices).toContainText('Already in the library: “Shelving Attention”');
    await expect(library.count).toHaveText('1 paper');
  });

  test('a file that is not a PDF is refused with the reason', async ({ library, pdfs }) => {
    await pdfs.pick('notes.pdf', new TextEncoder().encode('just some notes'));
    await expect(pdfs.notices.getByRole('alert')).toContainText('notes.pdf is not a PDF');
    await expect(library.count).toHaveText('0 papers');
    await library.snap('refused-not-a-pdf');
  });
});

test.describe('PDFs for synced papers', () => {
  test.use({ seedHf: [HF] });

  test('a dropped PDF is attached to the paper with its arXiv id', async ({ library, pdfs }) => {
    const bytes = await makePdf(arxivPaper({ id: '2604.11784v2', title: 'ClawGUI', words: 'Wombats.' }));
    await pdfs.dragOver('2604.11784v2.pdf', bytes);
    await expect(pdfs.dropOverlay).toBeVisible();
    await library.snap('drop-overlay');
    await pdfs.drop();
    await expect(pdfs.dropOverlay).toBeHidden();
    await expect(pdfs.notices).toContainText('Attached to “ClawGUI');
    await expect(library.count).toHaveText('3 papers');
    await expect(library.detail.getByRole('heading', { level: 1 })).toContainText('ClawGUI');
    await expect(pdfs.section).toContainText('PDF in library');
    await expect(pdfs.section).toContainText('v2');
    await library.snap('dropped-pdf-attached');
  });

  test('Download PDF fetches from arXiv (a fixture server), with progress, and shows failures', async ({ library, pdfs, pdfServer }) => {
    pdfServer.files.set('2604.11784', {
      bytes: await makePdf({ ...arxivPaper({ id: '2604.11784v2', title: 'ClawGUI', words: 'Quokkas.' }), padBytes: 400_000 }),
      version: 2,
    });
    // The first attempt stalls after 1000 bytes (progress shows), the retry resumes with Range.
    pdfServer.plan('2604.11784', ['stall']);
    // An HTML interstitial is retried; when every attempt gets one, the download fails with its reason.
    pdfServer.plan('2604.11211', ['html', 'html', 'html', 'html', 'html', 'html']);
    await library.selectPaper('ClawGUI');
    await expect(pdfs.section).toContainText('No PDF in the library');
    await library.snap('detail-no-pdf');
    await pdfs.section.getByRole('button', { name: 'Download PDF' }).click();
    await expect(pdfs.section.getByRole('progressbar')).toBeVisible();
    await expect(pdfs.activity).toContainText('Downloading 1 PDF');
    await library.snap('downloading');
    await expect(pdfs.section).toContainText('PDF in library', { timeout: 20_000 });
    await expect(pdfs.section).toContainText('v2 · 2 pages');
    await expect(library.row('ClawGUI').getByLabel('PDF in library')).toBeVisible();
    const ranges = pdfServer.requests.filter((r) => r.id === '2604.11784').map((r) => r.range);
    expect(ranges).toEqual([null, 'bytes=1000-']);
    await library.snap('downloaded');

    await library.selectPaper('3DTV');
    await pdfs.section.getByRole('button', { name: 'Download PDF' }).click();
    await expect(pdfs.section).toContainText('PDF download failed', { timeout: 30_000 });
    await expect(pdfs.section.getByRole('alert')).toContainText('is an HTML page ("arXiv is temporarily unavailable"), not a PDF.');
    await expect(pdfs.section.getByRole('button', { name: 'Retry' })).toBeVisible();
    await library.snap('download-failed');
    await library.page.getByRole('radio', { name: 'Dark theme' }).click();
    await library.snap('download-failed-dark');
  });

  test('the auto-download setting fetches PDFs of papers as they are starred', async ({ library, pdfs, pdfServer, server }) => {
    pdfServer.files.set('2604.09574', { bytes: await makePdf(arxivPaper({ id: '2604.09574v1', title: 'Turing Test' })), version: 1 });
    await pdfs.settingsButton.click();
    const menu = library.page.getByRole('menu');
    await expect(menu.getByRole('menuitemradio', { name: 'Never (only when I ask)' })).toHaveAttribute('aria-checked', 'true');
    await library.snap('auto-download-menu');
    await menu.getByRole('menuitemradio', { name: 'Starred papers' }).click();
    await expect(menu).toBeHidden();
    // Star through the running core, as the triage UI (#4) will.
    const id = Number(await library.row('Turing Test').getAttribute('data-paper-id'));
    const res = await library.page.request.post(`${server.origin}/api/invoke/papers:setStarred`, {
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      data: { ids: [id], starred: true },
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    await expect(library.row('Turing Test').getByLabel('PDF in library')).toBeVisible();
    await expect(library.row('ClawGUI').getByLabel('No PDF')).toBeAttached();
    await pdfs.settingsButton.click();
    await expect(menu.getByRole('menuitemradio', { name: 'Starred papers' })).toHaveAttribute('aria-checked', 'true');
  });
});
