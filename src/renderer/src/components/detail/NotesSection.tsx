/** The paper's Markdown note (editor and preview) and its annotation count. */
import { Highlighter } from 'lucide-react';
import type { PaperDetail } from '@shared/domain';
import { NotesPanel } from '../NotesPanel';

export function NotesSection({ p }: { p: PaperDetail }) {
  return (
    <>
      <NotesPanel paperId={p.id} />
      <p className="detail__muted detail__annotations">
        <Highlighter size={13} aria-hidden />{' '}
        {p.annotationCount === 0 ? 'No annotations' : `${p.annotationCount} ${p.annotationCount === 1 ? 'annotation' : 'annotations'}`}
      </p>
    </>
  );
}
