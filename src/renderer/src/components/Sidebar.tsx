import * as ContextMenu from '@radix-ui/react-context-menu';
import {
  Archive, BookOpen, CalendarDays, CheckCircle2, ChevronDown, ChevronRight, Inbox, Layers, Library, MoreHorizontal,
  NotebookPen, Plus, Rss, Search, Star, Tag, Trash2, X,
} from 'lucide-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { sourceLabel, type TagNode } from '@shared/library';
import { BASE_VIEWS, setView, useLibraryStore, type ViewSpec } from '../stores/libraryStore';
import { deleteSearch, useTagStore } from '../stores/tagStore';
import { openDialog } from '../stores/dialogStore';
import { dailySpec } from './DailyNav';
import { TagMenuItems } from './TagMenu';
import { ThemeSwitch } from './ThemeSwitch';
import { useNotesStore } from '../stores/notesStore';
import '../styles/library.css';
import { DiscoverItem } from './DiscoverNav';
import { showCover } from '../lib/mainView';
import { useRecsStore } from '../stores/recsStore';
import { useSyncStore } from '../stores/syncStore';
import { DigestItem, SyncButton } from './sync/SyncSidebar';

const ICONS: Record<string, ReactNode> = {
  all: <Layers size={16} />,
  inbox: <Inbox size={16} />,
  library: <Library size={16} />,
  reading: <BookOpen size={16} />,
  read: <CheckCircle2 size={16} />,
  starred: <Star size={16} />,
  dismissed: <Trash2 size={16} />,
};

export const tagSpec = (t: TagNode): ViewSpec => ({ key: `tag:${t.id}`, title: t.path, view: 'all', filters: { tagIds: [t.id] } });

function Item(props: { spec: ViewSpec; icon: ReactNode; label?: string; count?: number; depth?: number; after?: ReactNode }) {
  const notesOpen = useNotesStore((s) => s.viewOpen);
  const digestOpen = useSyncStore((s) => s.digestOpen);
  const discoverOpen = useRecsStore((s) => s.discoverOpen);
  const covered = notesOpen || digestOpen || discoverOpen;
  const active = useLibraryStore((s) => s.spec.key === props.spec.key) && !covered;
  return (
    <div className={`sidebar__row${active ? ' is-active' : ''}`} style={props.depth ? { paddingLeft: props.depth * 14 } : undefined}>
      <button
        type="button"
        className={`sidebar__item${active ? ' is-active' : ''}`}
        aria-current={active ? 'page' : undefined}
        onClick={() => {
          showCover(null);
          void setView(props.spec);
        }}
      >
        <span className="sidebar__icon" aria-hidden>
          {props.icon}
        </span>
        <span className="sidebar__label">{props.label ?? props.spec.title}</span>
        {props.count !== undefined && <span className="sidebar__count">{props.count.toLocaleString()}</span>}
      </button>
      {props.after}
    </div>
  );
}

function NotesItem() {
  const notesOpen = useNotesStore((s) => s.viewOpen);
  return (
    <div className={`sidebar__row${notesOpen ? ' is-active' : ''}`}>
      <button type="button" className={`sidebar__item${notesOpen ? ' is-active' : ''}`} aria-current={notesOpen ? 'page' : undefined} onClick={() => showCover('notes')}>
        <span className="sidebar__icon" aria-hidden>
          <NotebookPen size={16} />
        </span>
        <span className="sidebar__label">Notes</span>
      </button>
    </div>
  );
}

function Section(props: { title: string; children: ReactNode; action?: ReactNode; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(props.defaultOpen ?? true);
  return (
    <section className="sidebar__section" aria-label={props.title}>
      <div className="sidebar__section-head">
        <button type="button" className="sidebar__section-title" aria-expanded={open} aria-label={`${props.title} section`} onClick={() => setOpen(!open)}>
          {open ? <ChevronDown size={12} aria-hidden /> : <ChevronRight size={12} aria-hidden />}
          {props.title}
        </button>
        {props.action}
      </div>
      {open && props.children}
    </section>
  );
}

function TagRow({ tag }: { tag: TagNode }) {
  const depth = tag.path.split('/').length - 1;
  const dot = <span className="tag-dot" style={{ background: tag.color ?? 'var(--text-faint)' }} />;
  return (
    <ContextMenu.Root>
      <ContextMenu.Trigger asChild>
        <li>
          <Item
            spec={tagSpec(tag)}
            icon={dot}
            label={tag.name}
            count={tag.total}
            depth={depth}
            after={
              <DropdownMenu.Root>
                <DropdownMenu.Trigger className="sidebar__more" aria-label={`Tag actions for ${tag.path}`}>
                  <MoreHorizontal size={14} aria-hidden />
                </DropdownMenu.Trigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
                    <TagMenuItems tag={tag} kind="dropdown" />
                  </DropdownMenu.Content>
                </DropdownMenu.Portal>
              </DropdownMenu.Root>
            }
          />
        </li>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className="menu">
          <TagMenuItems tag={tag} kind="context" />
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}

const SOURCES_SHOWN = 6;

export function Sidebar() {
  const { tags, sources, days, searches } = useTagStore();
  const [allSources, setAllSources] = useState(false);
  const groups = useMemo(() => {
    const hf = sources.filter((s) => s.key.startsWith('hf:'));
    const other = sources.filter((s) => !s.key.startsWith('hf:'));
    return { hf, other };
  }, [sources]);
  useEffect(() => setAllSources(false), [sources.length]);
  const latestDay = days[0]?.day;

  return (
    <nav className="sidebar" aria-label="Library views">
      <div className="sidebar__brand">
        <Archive size={18} aria-hidden />
        <span>Papershelf</span>
      </div>
      <Section title="Library">
        <ul className="sidebar__list" role="list">
          {BASE_VIEWS.map((v) => (
            <li key={v.key}>
              <Item spec={v} icon={ICONS[v.key]} />
            </li>
          ))}
          {latestDay && (
            <li>
              <Item spec={dailySpec(latestDay)} icon={<CalendarDays size={16} />} label="Daily papers" />
            </li>
          )}
          <li>
            <DigestItem />
          </li>
        </ul>
      </Section>
      <Section title="Discover">
        <ul className="sidebar__list" role="list">
          <li>
            <DiscoverItem />
          </li>
        </ul>
      </Section>
      <Section title="Writing">
        <ul className="sidebar__list" role="list">
          <li>
            <NotesItem />
          </li>
        </ul>
      </Section>
      <Section
        title="Tags"
        action={
          <button type="button" className="sidebar__add" aria-label="New tag" title="New tag" onClick={() => openDialog({ kind: 'create-tag' })}>
            <Plus size={14} aria-hidden />
          </button>
        }
      >
        {tags.length ? (
          <ul className="sidebar__list" role="list" aria-label="Tags">
            {tags.map((t) => (
              <TagRow key={t.id} tag={t} />
            ))}
          </ul>
        ) : (
          <p className="sidebar__empty">
            <Tag size={12} aria-hidden /> No tags yet. Press <kbd>t</kbd> to tag a paper.
          </p>
        )}
      </Section>
      {searches.length > 0 && (
        <Section title="Saved searches">
          <ul className="sidebar__list" role="list">
            {searches.map((s) => (
              <li key={s.id}>
                <Item
                  spec={{ key: `saved:${s.id}`, title: s.name, view: 'all', filters: { savedSearchId: s.id } }}
                  icon={<Search size={15} />}
                  after={
                    <button type="button" className="sidebar__more" aria-label={`Delete saved search ${s.name}`} onClick={() => void deleteSearch(s.id)}>
                      <X size={13} aria-hidden />
                    </button>
                  }
                />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {sources.length > 0 && (
        <Section title="Sync sources" defaultOpen={true}>
          <ul className="sidebar__list" role="list" aria-label="Sync sources">
            {[...groups.other, ...groups.hf.slice(0, allSources ? undefined : SOURCES_SHOWN)].map((s) => (
              <li key={s.key}>
                <Item
                  spec={{ key: `source:${s.key}`, title: sourceLabel(s.key), view: 'all', filters: { source: s.key } }}
                  icon={s.key.startsWith('hf:') ? <CalendarDays size={15} /> : <Rss size={15} />}
                  count={s.count}
                />
              </li>
            ))}
          </ul>
          {groups.hf.length > SOURCES_SHOWN && (
            <button type="button" className="sidebar__more-link" onClick={() => setAllSources(!allSources)}>
              {allSources ? 'Show fewer days' : `Show all ${groups.hf.length} HF days`}
            </button>
          )}
        </Section>
      )}
      <div className="sidebar__footer">
        <SyncButton />
        <ThemeSwitch />
        <button type="button" className="sidebar__help" onClick={() => openDialog({ kind: 'shortcuts' })} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </nav>
  );
}
