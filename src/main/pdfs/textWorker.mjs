// PDF parsing off the main thread: document info and the text of each page, with pdf.js.
// Plain ESM JavaScript so the same file runs under tsx, vitest and the built app (no loader).
// Protocol: { seq, file, maxPages? } → { seq, ok: true, title, author, numPages, pages } | { seq, ok: false, error }.
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';

const pdfjsPromise = import('pdfjs-dist/legacy/build/pdf.mjs');

function pageText(items) {
  let out = '';
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    out += it.str;
    out += it.hasEOL ? '\n' : it.str.endsWith(' ') ? '' : ' ';
  }
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

async function extract({ file, maxPages }) {
  const pdfjs = await pdfjsPromise;
  const data = new Uint8Array(await readFile(file));
  const task = pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  const doc = await task.promise;
  try {
    let title = null;
    let author = null;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info ?? {};
      title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
      author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : null;
    } catch {
      // Broken metadata is not fatal: the text may still be readable.
    }
    const n = Math.min(doc.numPages, maxPages ?? doc.numPages);
    const pages = [];
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      pages.push(pageText(tc.items));
      page.cleanup();
    }
    return { title, author, numPages: doc.numPages, pages };
  } finally {
    await task.destroy();
  }
}

parentPort.on('message', (msg) => {
  extract(msg).then(
    (r) => parentPort.postMessage({ seq: msg.seq, ok: true, ...r }),
    (e) => parentPort.postMessage({ seq: msg.seq, ok: false, error: String(e?.message ?? e) }),
  );
});
