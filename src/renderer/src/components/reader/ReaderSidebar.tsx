/**
 * The reader's left sidebar, as in Zotero 7: annotations (reading order, filterable by colour and
 * tag; a click scrolls to the annotation), the document outline, and page thumbnails (drawn
 * only when scrolled into view).
 */
import { Highlighter, LayoutGrid, ListTree, MessageSquareText, SquareDashed, StickyNote, Underline } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ANNOTATION_COLORS, type Annotation } from '@shared/annotations';
import type { AnnotationManager } from '../../reader/annotation-manager';
import type { EngineState, OutlineItem, ReaderEngine } from '../../reader/engine';
import { useAnnotations } from './useReader';

type View = 'annotations' | 'outline' | 'thumbnails';
type Props = { engine: ReaderEngine; manager: AnnotationManager; state: EngineState };

const KIND_ICON: Record<Annotation['kind'], ReactNode> = {
  highlight: <Highlighter size={12} aria-hidden />,
  underline: <Underline size={12} aria-hidden />,
  note: <StickyNote size={12} aria-hidden />,
  area: <SquareDashed size={12} aria-hidden />,
};

export function ReaderSidebar(props: Props) {
  const [view, setView] = useState<View>('annotations');
  const tabs: { id: View; label: string; icon: ReactNode }[] = [
    { id: 'thumbnails', label: 'Thumbnails', icon: <LayoutGrid size={15} /> },
    { id: 'annotations', label: 'Annotations', icon: <MessageSquareText size={15} /> },
    { id: 'outline', label: 'Outline', icon: <ListTree size={15} /> },
  ];
  return (
    <aside className="reader-sidebar" aria-label="Reader sidebar">
      <div className="reader-sidebar__tabs" role="tablist" aria-label="Sidebar views">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={view === t.id}
            aria-label={t.label}
            title={t.label}
            className={`tbtn${view === t.id ? ' is-pressed' : ''}`}
            onClick={() => setView(t.id)}
          >
            {t.icon}
          </button>
        ))}
      </div>
      {view === 'annotations' && <AnnotationList {...props} />}
      {view === 'outline' && <Outline {...props} />}
      {view === 'thumbnails' && <Thumbnails {...props} />}
    </aside>
  );
}

function AnnotationList({ engine, manager, state }: Props) {
  const list = useAnnotations(manager).list();
  const [colors, setColors] = useState<Set<string>>(new Set());
  const [tags, setTags] = useState<Set<string>>(new Set());
  const allTags = useMemo(() => [...new Set(list.flatMap((a) => a.tags))].sort(), [list]);
  const usedColors = useMemo(() => ANNOTATION_COLORS.filter((c) => list.some((a) => a.color === c.hex)), [list]);
  // Long lists: draw the first cards with the first page, the rest right after.
  const [limit, setLimit] = useState(40);
  useEffect(() => {
    if (!state.firstPagePainted || limit === Infinity) return;
    const t = setTimeout(() => setLimit(Infinity), 50);
    return () => clearTimeout(t);
  }, [state.firstPagePainted, limit]);
  const shown = list.filter((a) => (!colors.size || colors.has(a.color)) && (!tags.size || a.tags.some((t) => tags.has(t))));
  const toggle = (set: Set<string>, v: string, apply: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    apply(next);
  };
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('.ann-card.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [state.selectedId]);
  return (
    <div className="ann-list">
      {list.length === 0 ? (
        <p className="reader-sidebar__empty">Select text to highlight it, or use the tools above to add notes and areas.</p>
      ) : (
        <ul ref={listRef} aria-label="Annotations" className="ann-list__items">
          {shown.slice(0, limit).map((a) => (
            <li key={a.id}>
              <button
                className={`ann-card${a.id === state.selectedId ? ' is-selected' : ''}`}
                style={{ '--ann-color': a.color } as CSSProperties}
                onClick={() => engine.scrollToAnnotation(a)}
                data-annotation-id={a.id}
              >
                <span className="ann-card__head">
                  {KIND_ICON[a.kind]}
                  <span>Page {a.pageIndex + 1}</span>
                </span>
                {a.text && <span className="ann-card__text">{a.text}</span>}
                {a.comment && <span className="ann-card__comment">{a.comment}</span>}
                {a.tags.length > 0 && (
                  <span className="ann-card__tags">
                    {a.tags.map((t) => (
                      <span key={t} className="ann-tag">
                        {t}
                      </span>
                    ))}
                  </span>
                )}
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="reader-sidebar__empty">No annotations match the filter.</li>}
        </ul>
      )}
      {(usedColors.length > 1 || allTags.length > 0) && (
        <div className="ann-filter" role="group" aria-label="Filter annotations">
          <div className="ann-filter__colors">
            {usedColors.map((c) => (
              <button
                key={c.hex}
                aria-label={`Show ${c.name.toLowerCase()} only`}
                aria-pressed={colors.has(c.hex)}
                className={`swatch-btn swatch-btn--sm${colors.has(c.hex) ? ' is-active' : ''}`}
                style={{ '--swatch': c.hex } as CSSProperties}
                onClick={() => toggle(colors, c.hex, setColors)}
              />
            ))}
          </div>
          {allTags.length > 0 && (
            <div className="ann-filter__tags">
              {allTags.map((t) => (
                <button key={t} aria-pressed={tags.has(t)} className={`ann-chip${tags.has(t) ? ' is-active' : ''}`} onClick={() => toggle(tags, t, setTags)}>
                  {t}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function OutlineNodes({ items, engine, depth }: { items: OutlineItem[]; engine: ReaderEngine; depth: number }) {
  return (
    <ul className="outline" role={depth === 0 ? 'tree' : 'group'} aria-label={depth === 0 ? 'Outline' : undefined}>
      {items.map((it, i) => (
        <li key={i} role="treeitem" aria-expanded={it.items.length ? true : undefined}>
          <button className="outline__item" style={{ paddingLeft: 8 + depth * 14 }} onClick={() => engine.goToOutline(it)}>
            {it.title}
          </button>
          {it.items.length > 0 && <OutlineNodes items={it.items} engine={engine} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}

function Outline({ engine, state }: Props) {
  if (state.outline === null) return <p className="reader-sidebar__empty">Loading outline…</p>;
  if (!state.outline.length) return <p className="reader-sidebar__empty">This PDF has no outline.</p>;
  return (
    <div className="reader-sidebar__scroll">
      <OutlineNodes items={state.outline} engine={engine} depth={0} />
    </div>
  );
}

function Thumb({ engine, index, current, ratio }: { engine: ReaderEngine; index: number; current: boolean; ratio: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        void engine.renderThumbnail(index, canvas, 120).catch(() => {});
      }
    });
    io.observe(canvas);
    return () => io.disconnect();
  }, [engine, index]);
  useEffect(() => {
    if (current) ref.current?.parentElement?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <button className={`thumb${current ? ' is-current' : ''}`} aria-label={`Page ${index + 1}`} aria-current={current ? 'page' : undefined} onClick={() => engine.goToPage(index + 1)}>
      <canvas ref={ref} style={{ aspectRatio: String(ratio) }} />
      <span>{index + 1}</span>
    </button>
  );
}

function Thumbnails({ engine, state }: Props) {
  const [ratio, setRatio] = useState(612 / 792);
  useEffect(() => {
    void engine.pdf?.getPage(1).then((p) => {
      const v = p.getViewport({ scale: 1 });
      setRatio(v.width / v.height);
    });
  }, [engine]);
  return (
    <div className="reader-sidebar__scroll thumbs">
      {Array.from({ length: state.pagesCount }, (_, i) => (
        <Thumb key={i} engine={engine} index={i} current={state.pageNumber === i + 1} ratio={ratio} />
      ))}
    </div>
  );
}
