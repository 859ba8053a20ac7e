/** Toolbar items for PDFs: "Add PDF…" (file picker) and the background-activity indicator. */
import { FilePlus2, Loader2, ScanText } from 'lucide-react';
import { useRef } from 'react';
import { importFiles, usePdfStore } from '../../stores/pdfStore';
import { PdfSettingsMenu } from './PdfSettingsMenu';
import '../../styles/pdfs.css';

function Activity() {
  const status = usePdfStore((s) => s.status);
  const progress = usePdfStore((s) => s.progress);
  const text = usePdfStore((s) => s.text);
  const importing = usePdfStore((s) => s.importing);
  const downloads = status ? status.downloads.queued + status.downloads.active : 0;
  const pending = text?.pending ?? status?.text.pending ?? 0;
  const parts: string[] = [];
  if (importing > 0) parts.push(`Importing ${importing} ${importing === 1 ? 'PDF' : 'PDFs'}`);
  if (downloads > 0) {
    const p = Object.values(progress);
    const received = p.reduce((n, x) => n + x.received, 0);
    const total = p.every((x) => x.total) ? p.reduce((n, x) => n + (x.total ?? 0), 0) : 0;
    parts.push(`Downloading ${downloads} ${downloads === 1 ? 'PDF' : 'PDFs'}${total ? ` · ${Math.round((received / total) * 100)}%` : ''}`);
  }
  if (pending > 0) parts.push(`Indexing text · ${pending} left`);
  if (parts.length === 0) return null;
  return (
    <div className="pdf-activity" role="status" aria-label="Background activity">
      {downloads > 0 || importing > 0 ? <Loader2 size={13} aria-hidden className="spin" /> : <ScanText size={13} aria-hidden />}
      <span>{parts.join(' · ')}</span>
    </div>
  );
}

export function PdfToolbar() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="pdf-toolbar">
      <Activity />
      <button type="button" className="pdf-button" onClick={() => input.current?.click()}>
        <FilePlus2 size={14} aria-hidden /> Add PDF…
      </button>
      <PdfSettingsMenu />
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        hidden
        aria-label="Choose PDF files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void importFiles(files);
        }}
      />
    </div>
  );
}
