/** Extra filters on top of the view: state, starred, has PDF, date range, tags all-of/any-of. */
import * as Popover from '@radix-ui/react-popover';
import { SlidersHorizontal } from 'lucide-react';
import { PAPER_STATES, type PaperState } from '@shared/domain';
import { setExtraFilters, useLibraryStore, type Filters } from '../stores/libraryStore';
import { useTagStore } from '../stores/tagStore';

function countActive(f: Filters): number {
  return [f.states?.length, f.starred !== undefined, f.hasPdf !== undefined, f.from, f.to, f.tagIds?.length].filter(Boolean).length;
}

export function FilterMenu() {
  const extra = useLibraryStore((s) => s.extra);
  const tags = useTagStore((s) => s.tags);
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...extra, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined) delete next[k];
    void setExtraFilters(next);
  };
  const n = countActive(extra);
  const toggleState = (st: PaperState) => {
    const cur = new Set(extra.states ?? []);
    if (cur.has(st)) cur.delete(st);
    else cur.add(st);
    set({ states: cur.size ? [...cur] : undefined });
  };
  const toggleTag = (id: number) => {
    const cur = new Set(extra.tagIds ?? []);
    if (cur.has(id)) cur.delete(id);
    else cur.add(id);
    set({ tagIds: cur.size ? [...cur] : undefined });
  };
  return (
    <Popover.Root>
      <Popover.Trigger className={`tool-button${n ? ' is-on' : ''}`} aria-label="Filters">
        <SlidersHorizontal size={14} aria-hidden />
        <span>Filter{n ? ` · ${n}` : ''}</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover filter-menu" align="end" sideOffset={6}>
          <fieldset>
            <legend>State</legend>
            <div className="chip-row">
              {PAPER_STATES.map((st) => (
                <button key={st} type="button" aria-pressed={extra.states?.includes(st) ?? false} className="chip-toggle" onClick={() => toggleState(st)}>
                  {st}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Papers</legend>
            <label className="check">
              <input type="checkbox" checked={extra.starred === true} onChange={(e) => set({ starred: e.target.checked ? true : undefined })} /> Starred only
            </label>
            <label className="check">
              <select
                aria-label="PDF"
                value={extra.hasPdf === undefined ? '' : extra.hasPdf ? 'yes' : 'no'}
                onChange={(e) => set({ hasPdf: e.target.value === '' ? undefined : e.target.value === 'yes' })}
              >
                <option value="">With or without PDF</option>
                <option value="yes">With PDF</option>
                <option value="no">Without PDF</option>
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Published</legend>
            <div className="date-row">
              <input type="date" aria-label="From date" value={extra.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
              <span>to</span>
              <input type="date" aria-label="To date" value={extra.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
            </div>
          </fieldset>
          {tags.length > 0 && (
            <fieldset>
              <legend>
                Tags
                <select aria-label="Tag match" value={extra.tagMode ?? 'any'} onChange={(e) => set({ tagMode: e.target.value as 'all' | 'any' })}>
                  <option value="any">any of</option>
                  <option value="all">all of</option>
                </select>
              </legend>
              <div className="chip-row chip-row--scroll">
                {tags.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    aria-pressed={extra.tagIds?.includes(t.id) ?? false}
                    className="chip-toggle"
                    style={{ ['--chip' as string]: t.color ?? 'var(--text-faint)' }}
                    onClick={() => toggleTag(t.id)}
                  >
                    {t.path}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {n > 0 && (
            <button type="button" className="link-button" onClick={() => void setExtraFilters({})}>
              Clear filters
            </button>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
