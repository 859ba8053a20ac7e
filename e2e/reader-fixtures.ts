/**
 * Reader e2e fixtures: the shared ones plus `pdfPapers` — papers with PDFs placed in the library
 * before the server starts (it holds the writer lock) — and a `reader` page object.
 */
import { expect, startServer, stopServer, test as base } from './fixtures';
import { ReaderPom } from './poms/reader-pom';
import { seedPapers, type SeedPaper } from './support/seed';

interface ReaderFixtures {
  /** Papers with PDFs to seed (a function in an object: Playwright treats bare functions as fixtures). */
  pdfPapers: { make: () => SeedPaper[] | Promise<SeedPaper[]> };
  reader: ReaderPom;
}

export const test = base.extend<ReaderFixtures>({
  pdfPapers: [{ make: () => [] }, { option: true }],
  server: async ({ libraryDir, pdfPapers, serverEnv }, use) => {
    seedPapers(libraryDir, await pdfPapers.make());
    const s = await startServer(libraryDir, serverEnv);
    await use(s);
    await stopServer(s);
  },
  reader: async ({ library, page }, use, testInfo) => {
    void library;
    await use(new ReaderPom(page, testInfo));
  },
});

export { expect };
