/** Bulk "Download PDFs" from the selection bar queues the selected papers' PDFs (fixture arXiv). */
import { join } from 'node:path';
import { expect, FORMATS } from '../fixtures';
import { pdfServerTest } from '../pdfFixtures';
import { arxivPaper, makePdf } from '../../src/main/pdfs/testing/makePdf';

const test = pdfServerTest;

test.use({ seedHf: [join(FORMATS, 'hf_daily_papers.json')] });

test('Download PDFs on a selection fetches each selected paper’s PDF', async ({ library, pdfServer }) => {
  pdfServer.files.set('2604.09574', { bytes: await makePdf(arxivPaper({ id: '2604.09574v1', title: 'Turing Test' })), version: 1 });
  pdfServer.files.set('2604.11784', { bytes: await makePdf(arxivPaper({ id: '2604.11784v1', title: 'ClawGUI' })), version: 1 });
  await library.row('ClawGUI').click();
  await library.row('Turing Test').click({ modifiers: ['ControlOrMeta'] });
  await expect(library.bulkBar.getByTestId('selection-count')).toHaveText('2 selected');
  await library.bulkBar.getByRole('button', { name: 'Download PDFs' }).click();
  await expect(library.row('ClawGUI').getByLabel('PDF in library')).toBeVisible();
  await expect(library.row('Turing Test').getByLabel('PDF in library')).toBeVisible();
  await expect(library.row('3DTV').getByLabel('No PDF')).toBeAttached();
  await library.snap('bulk-download');
});
