/** Actions on a multi-selection: tag, untag, star, set state, delete (with confirmation). */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import * as Popover from '@radix-ui/react-popover';
import { ChevronDown, FileDown, Star, StarOff, Tag, Tags, Trash2, X } from 'lucide-react';
import { PAPER_STATES } from '@shared/domain';
import type { PaperRow, TagRef } from '@shared/domain';
import { openDialog } from '../stores/dialogStore';
import { clearSelection, downloadPdfs, setStarredFor, setStateFor, useLibraryStore } from '../stores/libraryStore';
import { addTagsTo, removeTagsFrom } from '../stores/tagStore';
import { useBulkTagOpen, setBulkTagOpen } from '../stores/bulkStore';
import { TagInput } from './TagInput';

function selectedTags(rows: Map<number, PaperRow>, selected: Set<number>): TagRef[] {
  const m = new Map<number, TagRef>();
  for (const r of rows.values()) if (selected.has(r.id)) for (const t of r.tags) m.set(t.id, t);
  return [...m.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export function BulkBar() {
  const selected = useLibraryStore((s) => s.selected);
  const rows = useLibraryStore((s) => s.rows);
  const tagOpen = useBulkTagOpen((s) => s.open);
  if (selected.size < 2) return null;
  const ids = [...selected];
  const tags = selectedTags(rows, selected);
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selection actions">
      <span className="bulk-bar__count" data-testid="selection-count">
        {selected.size.toLocaleString()} selected
      </span>
      <Popover.Root open={tagOpen} onOpenChange={setBulkTagOpen}>
        <Popover.Trigger className="tool-button">
          <Tag size={14} aria-hidden /> Tag…
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover" align="start" sideOffset={6} aria-label="Tag the selection">
            <TagInput
              autoFocus
              label="Tag the selection"
              placeholder={`Tag ${selected.size} papers…`}
              onAdd={(p) => {
                void addTagsTo(ids, [p]);
                setBulkTagOpen(false);
              }}
              onEscape={() => setBulkTagOpen(false)}
            />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="tool-button" disabled={!tags.length}>
          <Tags size={14} aria-hidden /> Untag <ChevronDown size={12} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" sideOffset={4}>
            {tags.map((t) => (
              <DropdownMenu.Item key={t.id} className="menu__item" onSelect={() => void removeTagsFrom(ids, [t.id])}>
                <span className="tag-dot" style={{ background: t.color ?? 'var(--text-faint)' }} /> {t.path}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <button type="button" className="tool-button" onClick={() => void setStarredFor(ids, true)}>
        <Star size={14} aria-hidden /> Star
      </button>
      <button type="button" className="tool-button" aria-label="Unstar" title="Unstar" onClick={() => void setStarredFor(ids, false)}>
        <StarOff size={14} aria-hidden />
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="tool-button">
          Set state <ChevronDown size={12} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" sideOffset={4}>
            {PAPER_STATES.map((st) => (
              <DropdownMenu.Item key={st} className="menu__item menu__item--cap" onSelect={() => void setStateFor(ids, st)}>
                <span className={`state-dot state-dot--${st}`} /> {st}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <button type="button" className="tool-button" title="Queue the PDFs of the selected papers" onClick={() => void downloadPdfs(ids)}>
        <FileDown size={14} aria-hidden /> Download PDFs
      </button>
      <button type="button" className="tool-button tool-button--danger" onClick={() => openDialog({ kind: 'delete-papers', ids })}>
        <Trash2 size={14} aria-hidden /> Delete…
      </button>
      <div className="toolbar__spacer" />
      <button type="button" className="icon-button" aria-label="Clear selection" onClick={clearSelection}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}
