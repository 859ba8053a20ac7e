/**
 * Popups over the pages: the selected annotation's editor (colour, comment, tags, delete), and
 * the text-selection popup (highlight or underline in a colour). Positioned from the engine's
 * on-screen boxes and re-placed as the pages scroll or zoom.
 */
import { Highlighter, Trash2, Underline } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { ANNOTATION_COLORS } from '@shared/annotations';
import type { AnnotationManager } from '../../reader/annotation-manager';
import type { EngineState, ReaderEngine } from '../../reader/engine';
import { useAnnotations } from './useReader';

const WIDTH = 300;

function place(anchor: { left: number; right: number; top: number; bottom: number }, height: number): CSSProperties {
  const left = Math.min(Math.max(8, (anchor.left + anchor.right) / 2 - WIDTH / 2), window.innerWidth - WIDTH - 8);
  const below = anchor.bottom + 8;
  const top = below + height > window.innerHeight - 8 ? Math.max(8, anchor.top - height - 8) : below;
  return { left, top, width: WIDTH };
}

export function Swatches({ value, onPick, label }: { value?: string; onPick: (hex: string) => void; label: string }) {
  return (
    <div className="swatches" role="radiogroup" aria-label={label}>
      {ANNOTATION_COLORS.map((c) => (
        <button
          key={c.hex}
          role="radio"
          aria-checked={value === c.hex}
          aria-label={c.name}
          title={c.name}
          className={`swatch-btn${value === c.hex ? ' is-active' : ''}`}
          style={{ '--swatch': c.hex } as CSSProperties}
          onClick={() => onPick(c.hex)}
        />
      ))}
    </div>
  );
}

export function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const commit = () => {
    const add = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (add.length) onChange([...new Set([...tags, ...add])]);
    setDraft('');
  };
  return (
    <div className="tags-input">
      {tags.map((t) => (
        <span key={t} className="ann-tag">
          {t}
          <button aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
            ×
          </button>
        </span>
      ))}
      <input
        aria-label="Add tags"
        placeholder={tags.length ? '' : 'Add tags…'}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

export function AnnotationPopup({ engine, manager, id, tick }: { engine: ReaderEngine; manager: AnnotationManager; id: string; tick: number }) {
  useAnnotations(manager);
  const a = manager.get(id);
  const ref = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    const r = engine.annotationClientRect(id);
    setStyle(r ? place(r, ref.current?.offsetHeight ?? 180) : null);
  }, [engine, id, tick, a]);
  // The comment is edited locally and saved as the user types (the manager debounces).
  const [comment, setComment] = useState(a?.comment ?? '');
  useEffect(() => setComment(manager.get(id)?.comment ?? ''), [id, manager]);
  if (!a) return null;
  return (
    <div
      ref={ref}
      className="ann-popup"
      role="dialog"
      aria-label="Annotation"
      style={style ?? { visibility: 'hidden' }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <div className="ann-popup__head">
        <Swatches label="Colour" value={a.color} onPick={(color) => manager.update(id, { color })} />
        <button
          className="tbtn"
          aria-label="Delete annotation"
          title="Delete annotation"
          onClick={() => {
            manager.delete([id]);
            engine.select(null);
          }}
        >
          <Trash2 size={15} />
        </button>
      </div>
      {(a.kind === 'highlight' || a.kind === 'underline') && (
        <div className="ann-popup__kind">
          <button
            className={`ann-chip${a.kind === 'highlight' ? ' is-active' : ''}`}
            onClick={() => manager.update(id, { kind: 'highlight' })}
          >
            <Highlighter size={12} /> Highlight
          </button>
          <button
            className={`ann-chip${a.kind === 'underline' ? ' is-active' : ''}`}
            onClick={() => manager.update(id, { kind: 'underline' })}
          >
            <Underline size={12} /> Underline
          </button>
        </div>
      )}
      <textarea
        className="ann-popup__comment"
        aria-label="Comment"
        placeholder="Add comment…"
        value={comment}
        autoFocus={a.kind === 'note' && !a.comment}
        onChange={(e) => {
          setComment(e.target.value);
          manager.update(id, { comment: e.target.value || null });
        }}
        rows={3}
      />
      <TagsInput tags={a.tags} onChange={(tags) => manager.update(id, { tags })} />
    </div>
  );
}

export function SelectionPopup({ engine, state }: { engine: ReaderEngine; state: EngineState }) {
  const anchor = state.selection!.anchor;
  const style = place({ left: anchor.x, right: anchor.x, top: anchor.y - 12, bottom: anchor.y + 4 }, 44);
  return (
    <div className="sel-popup" role="dialog" aria-label="Annotate selection" style={{ ...style, width: 'auto' }} onPointerDown={(e) => e.preventDefault()}>
      <Swatches label="Highlight in colour" onPick={(hex) => engine.createFromSelection('highlight', hex)} />
      <span className="reader-toolbar__sep" />
      <button className="tbtn" aria-label="Highlight" title="Highlight" onClick={() => engine.createFromSelection('highlight')}>
        <Highlighter size={15} />
      </button>
      <button className="tbtn" aria-label="Underline" title="Underline" onClick={() => engine.createFromSelection('underline')}>
        <Underline size={15} />
      </button>
    </div>
  );
}
