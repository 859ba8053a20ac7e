/**
 * The library list: a virtualised table. Only the rows near the viewport are in the DOM; rows are
 * loaded from SQL page by page as they come into view. Click, shift-click and ctrl/cmd-click select.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, FileCheck2, FileDown, FileX2, Star, ThumbsUp, LibraryBig, AlertTriangle, SearchX } from 'lucide-react';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { PaperRow, PdfState } from '@shared/domain';
import type { SearchMatch } from '@shared/library';
import { compactNumber, shortAuthors, shortDate } from '../lib/format';
import { PAGE_SIZE, clickRow, loadMatches, loadPage, toggleSort, useLibraryStore, type SortKey } from '../stores/libraryStore';
import { EmptyState } from './EmptyState';
import { SnippetLine } from './Snippet';

const ROW_HEIGHT = 34;
const SEARCH_ROW_HEIGHT = 54;

const COLUMNS: { key: SortKey | null; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'authors', label: 'Authors', className: 'col-authors' },
  { key: 'published', label: 'Date', className: 'col-date' },
  { key: 'upvotes', label: 'Upvotes', className: 'col-upvotes' },
  { key: 'state', label: 'State', className: 'col-state' },
  { key: null, label: 'PDF', className: 'col-pdf' },
];

function PdfIcon({ state }: { state: PdfState }) {
  if (state === 'done') return <FileCheck2 size={14} aria-label="PDF in library" className="pdf-icon pdf-icon--done" />;
  if (state === 'failed') return <FileX2 size={14} aria-label="PDF download failed" className="pdf-icon pdf-icon--failed" />;
  if (state === 'queued' || state === 'downloading')
    return <FileDown size={14} aria-label="PDF downloading" className="pdf-icon pdf-icon--pending" />;
  return <span className="pdf-icon pdf-icon--none" aria-label="No PDF" />;
}

function onRowClick(e: MouseEvent, index: number) {
  clickRow(index, e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'only');
}

function Row(props: { row: PaperRow; index: number; selected: boolean; cursor: boolean; searching: boolean; match: SearchMatch | undefined }) {
  const { row, index } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      data-paper-id={row.id}
      className={`table__row${props.selected ? ' is-selected' : ''}${props.cursor ? ' is-cursor' : ''}${row.state === 'inbox' ? ' is-unread' : ''}${props.searching ? ' table__row--search' : ''}`}
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={(e) => onRowClick(e, index)}
    >
      <div role="gridcell" className="col-title">
        <div className="col-title__line">
          {row.starred && <Star size={12} className="row-star" aria-label="Starred" />}
          <span className="row-title" title={row.title}>
            {row.title}
          </span>
          {row.tags.slice(0, 3).map((t) => (
            <span key={t.id} className="tag-chip" style={t.color ? { ['--chip' as string]: t.color } : undefined}>
              {t.path.split('/').pop()}
            </span>
          ))}
          {row.tags.length > 3 && <span className="tag-chip tag-chip--more">+{row.tags.length - 3}</span>}
        </div>
      </div>
      <div role="gridcell" className="col-authors" title={row.authors.join(', ')}>
        {shortAuthors(row.authors)}
      </div>
      <div role="gridcell" className="col-date">
        {shortDate(row.publishedAt)}
      </div>
      <div role="gridcell" className="col-upvotes">
        {row.upvotes !== null && (
          <>
            <ThumbsUp size={12} aria-hidden /> {compactNumber(row.upvotes)}
          </>
        )}
      </div>
      <div role="gridcell" className="col-state">
        <span className={`state-pill state-pill--${row.state}`}>{row.state}</span>
      </div>
      <div role="gridcell" className="col-pdf">
        <PdfIcon state={row.pdfState} />
      </div>
      {props.searching && <SnippetLine match={props.match} />}
    </div>
  );
}

function SkeletonRow({ index }: { index: number }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="table__row is-loading" aria-busy>
      <div className="col-title">
        <span className="skeleton" style={{ width: `${40 + ((index * 37) % 45)}%` }} />
      </div>
      <div className="col-authors">
        <span className="skeleton" style={{ width: '60%' }} />
      </div>
      <div className="col-date">
        <span className="skeleton" style={{ width: '70%' }} />
      </div>
      <div className="col-upvotes" />
      <div className="col-state" />
      <div className="col-pdf" />
    </div>
  );
}

export function PaperTable() {
  const { total, rows, sort, dir, selected, cursor, error, generation, search, matches, spec, extra } = useLibraryStore();
  const searching = search.trim() !== '';
  const rowHeight = searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total === null) return;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      if (!rows.has(page * PAGE_SIZE)) void loadPage(page);
    }
  }, [first, last, rows, total, generation]);

  useEffect(() => {
    if (!searching) return;
    const ids: number[] = [];
    for (let i = first; i <= last; i++) {
      const r = rows.get(i);
      if (r) ids.push(r.id);
    }
    void loadMatches(ids);
  }, [first, last, rows, searching, generation]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [spec, sort, dir, search, extra]);

  useEffect(() => {
    if (cursor !== null) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  if (error && rows.size === 0) {
    return (
      <EmptyState icon={<AlertTriangle size={28} />} title="The library could not be loaded" tone="error">
        {error}
      </EmptyState>
    );
  }
  if (total === 0) {
    if (searching)
      return (
        <EmptyState icon={<SearchX size={28} />} title="No papers match">
          Nothing in {spec.title} matches “{search.trim()}”.{' '}
          {spec.key === 'all' && !Object.keys(extra).length ? 'Try fewer or shorter words.' : 'Try fewer words, or search All papers.'}
        </EmptyState>
      );
    const filtered = Object.keys(spec.filters).length > 0 || Object.keys(extra).length > 0 || spec.view !== 'all';
    return (
      <EmptyState icon={<LibraryBig size={28} />} title={filtered ? `Nothing in ${spec.title}` : 'No papers here yet'}>
        {filtered ? (
          'Papers you file here will show up in this list.'
        ) : (
          <>
            Sync Hugging Face Daily Papers or arXiv, or import a file with <code>papershelf import</code>.
          </>
        )}
      </EmptyState>
    );
  }

  return (
    <div className="table" role="grid" aria-label="Papers" aria-multiselectable aria-rowcount={count + 1} aria-busy={total === null}>
      <div className="table__head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            className={c.className}
            aria-sort={c.key && sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.key ? (
              <button type="button" className="table__sort" onClick={() => void toggleSort(c.key!)}>
                {c.label}
                {sort === c.key && (dir === 'asc' ? <ArrowUp size={12} aria-hidden /> : <ArrowDown size={12} aria-hidden />)}
              </button>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div className="table__body" ref={scrollRef}>
        {total === null ? (
          Array.from({ length: 12 }, (_, i) => <SkeletonRow key={i} index={i} />)
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = rows.get(v.index);
              return (
                <div key={v.key} className="table__slot" style={{ transform: `translateY(${v.start}px)`, height: rowHeight }}>
                  {row ? (
                    <Row
                      row={row}
                      index={v.index}
                      selected={selected.has(row.id)}
                      cursor={cursor === v.index}
                      searching={searching}
                      match={matches.get(row.id)}
                    />
                  ) : (
                    <SkeletonRow index={v.index} />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
