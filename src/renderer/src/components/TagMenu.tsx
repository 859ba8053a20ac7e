/** Tag actions (rename, merge, colour, delete) for the sidebar's context and dropdown menus. */
import * as ContextMenu from '@radix-ui/react-context-menu';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Merge, Palette, Pencil, Trash2 } from 'lucide-react';
import { TAG_COLORS, type TagNode } from '@shared/library';
import { openDialog } from '../stores/dialogStore';
import { setTagColor } from '../stores/tagStore';

export function TagMenuItems({ tag, kind }: { tag: TagNode; kind: 'context' | 'dropdown' }) {
  const M = kind === 'context' ? ContextMenu : DropdownMenu;
  return (
    <>
      <M.Label className="menu__label">{tag.path}</M.Label>
      <M.Item className="menu__item" onSelect={() => openDialog({ kind: 'rename-tag', tag })}>
        <Pencil size={13} aria-hidden /> Rename…
      </M.Item>
      <M.Item className="menu__item" onSelect={() => openDialog({ kind: 'merge-tag', tag })}>
        <Merge size={13} aria-hidden /> Merge into…
      </M.Item>
      <M.Sub>
        <M.SubTrigger className="menu__item">
          <Palette size={13} aria-hidden /> Colour
        </M.SubTrigger>
        <M.Portal>
          <M.SubContent className="menu menu--colors" sideOffset={4}>
            {TAG_COLORS.map((c) => (
              <M.Item key={c} className="menu__swatch" aria-label={`Colour ${c}`} onSelect={() => void setTagColor(tag.id, c)}>
                <span style={{ background: c }} />
              </M.Item>
            ))}
            <M.Item className="menu__item" onSelect={() => void setTagColor(tag.id, null)}>
              No colour
            </M.Item>
          </M.SubContent>
        </M.Portal>
      </M.Sub>
      <M.Separator className="menu__sep" />
      <M.Item className="menu__item menu__item--danger" onSelect={() => openDialog({ kind: 'delete-tag', tag })}>
        <Trash2 size={13} aria-hidden /> Delete…
      </M.Item>
    </>
  );
}
