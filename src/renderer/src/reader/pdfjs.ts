/**
 * pdf.js, bundled (no CDN): the library, its worker as a same-origin module file
 * (CSP `worker-src 'self'`), and the viewer components, which read `globalThis.pdfjsLib`.
 */
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;
(globalThis as { pdfjsLib?: typeof pdfjsLib }).pdfjsLib = pdfjsLib;

export { pdfjsLib };

let sharedWorker: InstanceType<typeof pdfjsLib.PDFWorker> | null = null;
/**
 * One pdf.js worker for every tab, started ahead of need (its 1.2 MB module takes a few hundred
 * milliseconds to start): documents share it, and destroying a document leaves it running.
 */
export function pdfWorker(): InstanceType<typeof pdfjsLib.PDFWorker> {
  return (sharedWorker ??= new pdfjsLib.PDFWorker());
}
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** A message a researcher can act on, from pdf.js's loading errors. */
export function describeLoadError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const message = ((e as Error)?.message ?? String(e)).replace(/\.$/, '');
  if (/empty/i.test(message) || message.includes('zero bytes')) {
    return 'The PDF file is empty (0 bytes). Download it again or attach another file.';
  }
  if (name === 'InvalidPDFException' || /Invalid PDF|PDF header|startxref|XRef/i.test(message)) {
    return `This file is damaged or is not a PDF, so it cannot be shown (${message}).`;
  }
  if (name === 'PasswordException') return 'This PDF is protected by a password.';
  return `The PDF could not be opened: ${message}`;
}
