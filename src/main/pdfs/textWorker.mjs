// PDF parsing off the main thread: document info and the text of each page, with pdf.js.
// Plain ESM JavaScript so the same file runs under tsx, vitest and the built app (no loader).
// Protocol: { seq, file, maxPages? } → { seq, ok: true, title, author, titleGuess, numPages, pages } | { seq, ok: false, error }.
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
  return out.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+\n/g, '\n').trim();
}

// The title as typeset: the largest unrotated text in the upper part of page 1, when it is
// larger than the body text (most characters). Null when nothing stands out.
function titleGuess(items, pageHeight) {
  const runs = [];
  for (const it of items) {
    const t = it.transform;
    if (typeof it.str !== 'string' || !it.str.trim() || !t || t[1] !== 0 || t[2] !== 0) continue;
    runs.push({ s: it.str, h: Math.round(Math.abs(t[3]) * 2) / 2, y: t[5] });
  }
  const chars = new Map();
  for (const r of runs) chars.set(r.h, (chars.get(r.h) ?? 0) + r.s.length);
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sizes = [...chars.keys()].filter((h) => body !== undefined && h > body * 1.15).sort((a, b) => b - a);
  for (const h of sizes.slice(0, 3)) {
    const text = runs
      .filter((r) => r.h === h && r.y > pageHeight * 0.4)
      .map((r) => r.s)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length >= 6 && text.length <= 300 && /[a-z]{3}/i.test(text) && !/arxiv:/i.test(text)) return text;
  }
  return null;
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
    let guess = null;
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      pages.push(pageText(tc.items));
      if (i === 1) guess = titleGuess(tc.items, page.view[3] - page.view[1]);
      page.cleanup();
    }
    return { title, author, titleGuess: guess, numPages: doc.numPages, pages };
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
