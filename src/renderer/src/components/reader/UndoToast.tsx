/** After a delete: "Annotation deleted — Undo", for a few seconds. */
import { useEffect, useRef, useState } from 'react';
import type { AnnotationManager } from '../../reader/annotation-manager';

export function UndoToast({ manager }: { manager: AnnotationManager }) {
  const [shown, setShown] = useState(0);
  const seen = useRef({ deletions: manager.deletions, count: manager.list().length });
  useEffect(
    () =>
      manager.subscribe(() => {
        const n = manager.list().length;
        if (manager.deletions > seen.current.deletions) setShown(Math.max(1, seen.current.count - n));
        seen.current = { deletions: manager.deletions, count: n };
      }),
    [manager],
  );
  useEffect(() => {
    if (!shown) return;
    const t = setTimeout(() => setShown(0), 6000);
    return () => clearTimeout(t);
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="toast" role="status">
      {shown === 1 ? 'Annotation deleted' : `${shown} annotations deleted`}
      <button
        className="toast__action"
        onClick={() => {
          manager.undo();
          setShown(0);
        }}
      >
        Undo
      </button>
    </div>
  );
}
