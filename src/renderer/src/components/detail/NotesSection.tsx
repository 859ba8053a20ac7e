/** Notes preview and annotation count (the notes editor and reader own the full views). */
import { Highlighter, NotebookPen } from 'lucide-react';
import type { PaperDetail } from '@shared/domain';

export function NotesSection({ p }: { p: PaperDetail }) {
  return (
    <section className="detail__section" aria-label="Notes">
      <h2>Notes</h2>
      {p.noteExcerpt ? (
        <p className="note-preview">
          <NotebookPen size={13} aria-hidden />
          <span>{p.noteExcerpt}</span>
        </p>
      ) : (
        <p className="detail__muted">No notes yet.</p>
      )}
      <p className="detail__muted detail__annotations">
        <Highlighter size={13} aria-hidden />{' '}
        {p.annotationCount === 0 ? 'No annotations' : `${p.annotationCount} ${p.annotationCount === 1 ? 'annotation' : 'annotations'}`}
      </p>
    </section>
  );
}
