/** The paper's tags as removable chips, with an autocompleting field that also creates tags. */
import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { PaperDetail } from '@shared/domain';
import { useTagEditorFocus } from '../../stores/dialogStore';
import { addTagsTo, removeTagsFrom } from '../../stores/tagStore';
import { TagInput } from '../TagInput';

export function TagEditor({ p }: { p: PaperDetail }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const focusN = useTagEditorFocus((s) => s.n);
  useEffect(() => {
    if (focusN) inputRef.current?.focus();
  }, [focusN]);
  return (
    <section className="detail__section" aria-label="Tags">
      <h2>Tags</h2>
      <div className="tag-editor">
        {p.tags.map((t) => (
          <span key={t.id} className="tag-chip tag-chip--lg" style={t.color ? { ['--chip' as string]: t.color } : undefined}>
            {t.path}
            <button type="button" aria-label={`Remove tag ${t.path}`} onClick={() => void removeTagsFrom([p.id], [t.id])}>
              <X size={11} aria-hidden />
            </button>
          </span>
        ))}
        <TagInput inputRef={inputRef} exclude={p.tags.map((t) => t.id)} onAdd={(path) => void addTagsTo([p.id], [path])} onEscape={() => inputRef.current?.blur()} />
      </div>
    </section>
  );
}
