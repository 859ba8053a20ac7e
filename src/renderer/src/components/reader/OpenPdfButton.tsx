/** "Open PDF" in the detail pane: opens (or switches to) the paper's reader tab. */
import { BookOpen } from 'lucide-react';
import { useEffect } from 'react';
import type { PaperDetail } from '@shared/domain';
import { openReader } from '../../stores/readerStore';

export function OpenPdfButton({ paper }: { paper: PaperDetail }) {
  const hasPdf = paper.pdf?.state === 'done';
  // A PDF is likely to be opened next: load the reader and start pdf.js's worker now.
  useEffect(() => {
    if (hasPdf) void import('../../reader/engine').then((m) => m.prewarm());
  }, [hasPdf]);
  if (!hasPdf) return null;
  return (
    <button className="open-pdf-btn" onClick={() => openReader(paper.id, paper.title)}>
      <BookOpen size={14} aria-hidden /> Open PDF
      {paper.annotationCount > 0 && <span className="detail__ann-count">
          {paper.annotationCount} {paper.annotationCount === 1 ? 'annotation' : 'annotations'}
        </span>}
    </button>
  );
}
