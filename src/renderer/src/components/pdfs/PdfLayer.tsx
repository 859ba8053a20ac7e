/**
 * Window-wide PDF layer: subscribes to PDF events, accepts PDF files dropped anywhere on the
 * window (with an overlay while dragging) and shows the outcome of each import.
 */
import { CheckCircle2, FileDown, Info, X, XCircle } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { dismissNotice, importFiles, selectNotices, subscribePdfEvents, usePdfStore } from '../../stores/pdfStore';
import { select } from '../../stores/libraryStore';
import '../../styles/pdfs.css';

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

function Notices() {
  const notices = usePdfStore(selectNotices);
  if (notices.length === 0) return null;
  return (
    <ol className="pdf-notices" aria-label="Import results">
      {notices.map((n) => (
        <li key={n.key} className={`pdf-notice pdf-notice--${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          {n.tone === 'ok' ? <CheckCircle2 size={15} aria-hidden /> : n.tone === 'error' ? <XCircle size={15} aria-hidden /> : <Info size={15} aria-hidden />}
          <div className="pdf-notice__body">
            <div className="pdf-notice__name">{n.name}</div>
            {n.paperId !== null ? (
              <button type="button" className="pdf-notice__message is-link" onClick={() => select(n.paperId)}>
                {n.message}
              </button>
            ) : (
              <div className="pdf-notice__message">{n.message}</div>
            )}
          </div>
          <button type="button" className="pdf-notice__close" aria-label="Dismiss" onClick={() => dismissNotice(n.key)}>
            <X size={13} aria-hidden />
          </button>
        </li>
      ))}
    </ol>
  );
}

export function PdfLayer() {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => subscribePdfEvents(), []);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void importFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      {dragging && (
        <div className="pdf-drop" role="dialog" aria-label="Drop PDFs">
          <div className="pdf-drop__card">
            <FileDown size={34} aria-hidden />
            <div className="pdf-drop__title">Drop PDFs to add them to the library</div>
            <div className="pdf-drop__hint">Papers with an arXiv id or DOI are matched to the library; others become new papers.</div>
          </div>
        </div>
      )}
      <Notices />
    </>
  );
}
