/** The PDF block of the detail pane: state, progress, "Download PDF", retry, full-text status. */
import { AlertTriangle, CheckCircle2, Download, FileText, Loader2, RefreshCw, ScanText } from 'lucide-react';
import type { PaperDetail } from '@shared/domain';
import { downloadPdf, selectProgressOf, usePdfStore } from '../../stores/pdfStore';
import '../../styles/pdfs.css';

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function Progress({ paperId }: { paperId: number }) {
  const p = usePdfStore(selectProgressOf(paperId));
  const pct = p?.total ? Math.min(100, Math.round((p.received / p.total) * 100)) : null;
  return (
    <div className="pdf-progress">
      <div
        className={`pdf-progress__bar${pct === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label="PDF download progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <span style={{ width: pct === null ? undefined : `${pct}%` }} />
      </div>
      <span className="pdf-progress__text">
        {p ? `${formatBytes(p.received)}${p.total ? ` of ${formatBytes(p.total)}` : ''}` : 'Starting…'}
      </span>
    </div>
  );
}

export function PdfSection({ p }: { p: PaperDetail }) {
  const pdf = p.pdf;
  const state = pdf?.state ?? 'none';
  const canDownload = p.arxivId !== null;
  const downloadButton = (label: string, force = false) => (
    <button type="button" className="pdf-button" onClick={() => void downloadPdf(p.id, force)} disabled={!canDownload}>
      {force ? <RefreshCw size={13} aria-hidden /> : <Download size={13} aria-hidden />}
      {label}
    </button>
  );
  return (
    <section className="pdf-section" aria-label="PDF" data-pdf-state={state}>
      {state === 'none' && (
        <div className="pdf-section__row">
          <span className="pdf-section__label">
            <FileText size={14} aria-hidden /> No PDF in the library
          </span>
          {canDownload ? downloadButton('Download PDF') : <span className="pdf-section__hint">Drop a PDF on the window to attach one</span>}
        </div>
      )}
      {(state === 'queued' || state === 'downloading') && (
        <>
          <div className="pdf-section__row">
            <span className="pdf-section__label">
              <Loader2 size={14} aria-hidden className="spin" /> {state === 'queued' ? 'PDF queued' : 'Downloading PDF'}
            </span>
          </div>
          {state === 'downloading' && <Progress paperId={p.id} />}
          {pdf?.error && <p className="pdf-section__note">{pdf.error}</p>}
        </>
      )}
      {state === 'failed' && (
        <>
          <div className="pdf-section__row">
            <span className="pdf-section__label pdf-section__label--error">
              <AlertTriangle size={14} aria-hidden /> PDF download failed
            </span>
            {downloadButton('Retry', true)}
          </div>
          {pdf?.error && (
            <p className="pdf-section__error" role="alert">
              {pdf.error}
            </p>
          )}
        </>
      )}
      {state === 'done' && pdf && (
        <>
          <div className="pdf-section__row">
            <span className="pdf-section__label pdf-section__label--done">
              <CheckCircle2 size={14} aria-hidden /> PDF in library
            </span>
            <span className="pdf-section__meta">
              {[pdf.version ? `v${pdf.version}` : null, pdf.pages ? `${pdf.pages} ${pdf.pages === 1 ? 'page' : 'pages'}` : null, formatBytes(pdf.bytes)]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {p.newVersionAvailable && downloadButton(`Get v${p.version}`, true)}
          </div>
          {pdf.error && <p className="pdf-section__note">{pdf.error}</p>}
          {pdf.textState === 'pending' && (
            <p className="pdf-section__note">
              <ScanText size={12} aria-hidden /> Indexing the full text for search…
            </p>
          )}
        </>
      )}
    </section>
  );
}
