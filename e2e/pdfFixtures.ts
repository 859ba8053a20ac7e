/** `test` with a fixture arXiv PDF server (one per worker) wired into the app's environment. */
import { test as base } from './fixtures';
import { startPdfServer, type PdfServer } from '../src/main/pdfs/testing/pdfServer';

export const pdfServerTest = base.extend<object, { pdfServer: PdfServer }>({
  pdfServer: [
    async ({}, use) => {
      const s = await startPdfServer();
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  serverEnv: async ({ pdfServer }, use) => {
    await use({ PAPERSHELF_ARXIV_URL: pdfServer.url, PAPERSHELF_PDF_TIMEOUT_MS: '2500', PAPERSHELF_PDF_BACKOFF_MS: '200' });
  },
});
