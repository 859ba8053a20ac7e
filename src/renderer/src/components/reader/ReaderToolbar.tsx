/** The reader's toolbar, laid out like Zotero 7's: view controls, page, annotation tools, find. */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import {
  ChevronDown,
  ChevronUp,
  Highlighter,
  Moon,
  MousePointer2,
  PanelLeft,
  Redo2,
  Search,
  SquareDashed,
  StickyNote,
  Underline,
  Undo2,
  ZoomIn,
  ZoomOut,
} from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { ANNOTATION_COLORS } from '@shared/annotations';
import type { AnnotationManager } from '../../reader/annotation-manager';
import type { EngineState, ReaderEngine, Tool } from '../../reader/engine';
import { setReaderDark, useReaderStore } from '../../stores/readerStore';
import { useAnnotations } from './useReader';

function IconButton(props: { label: string; onClick: () => void; children: ReactNode; pressed?: boolean; disabled?: boolean; shortcut?: string }) {
  return (
    <button
      className={`tbtn${props.pressed ? ' is-pressed' : ''}`}
      aria-label={props.label}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

const TOOLS: { tool: Tool; label: string; icon: ReactNode }[] = [
  { tool: 'select', label: 'Select text', icon: <MousePointer2 size={16} /> },
  { tool: 'highlight', label: 'Highlight text', icon: <Highlighter size={16} /> },
  { tool: 'underline', label: 'Underline text', icon: <Underline size={16} /> },
  { tool: 'note', label: 'Add note', icon: <StickyNote size={16} /> },
  { tool: 'area', label: 'Select area', icon: <SquareDashed size={16} /> },
];

const ZOOMS: { value: string; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'page-width', label: 'Fit width' },
  { value: 'page-fit', label: 'Fit page' },
  { value: '0.75', label: '75%' },
  { value: '1', label: '100%' },
  { value: '1.5', label: '150%' },
  { value: '2', label: '200%' },
];

function PageInput({ engine, state }: { engine: ReaderEngine; state: EngineState }) {
  const [value, setValue] = useState(String(state.pageNumber));
  useEffect(() => setValue(String(state.pageNumber)), [state.pageNumber]);
  return (
    <form
      className="page-nav"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value);
        if (Number.isFinite(n)) engine.goToPage(n);
        else setValue(String(state.pageNumber));
      }}
    >
      <input
        className="page-nav__input"
        aria-label="Page number"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => setValue(String(state.pageNumber))}
      />
      <span className="page-nav__total" data-testid="page-count">
        / {state.pagesCount}
      </span>
    </form>
  );
}

export function ReaderToolbar({
  engine,
  manager,
  state,
  onToggleSidebar,
  onFind,
}: {
  engine: ReaderEngine;
  manager: AnnotationManager;
  state: EngineState;
  onToggleSidebar: () => void;
  onFind: () => void;
}) {
  useAnnotations(manager);
  const dark = useReaderStore((s) => s.dark);
  const zoomLabel = ZOOMS.find((z) => z.value === state.scaleValue)?.label ?? `${Math.round(state.scale * 100)}%`;
  const status = manager.status;
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      <div className="reader-toolbar__group">
        <IconButton label="Toggle sidebar" onClick={onToggleSidebar}>
          <PanelLeft size={16} />
        </IconButton>
        <span className="reader-toolbar__sep" />
        <IconButton label="Zoom out" shortcut="Ctrl+-" onClick={() => engine.zoomOut()}>
          <ZoomOut size={16} />
        </IconButton>
        <IconButton label="Zoom in" shortcut="Ctrl+=" onClick={() => engine.zoomIn()}>
          <ZoomIn size={16} />
        </IconButton>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="tbtn tbtn--text" aria-label="Zoom" data-testid="zoom-value">
            {zoomLabel} <ChevronDown size={12} aria-hidden />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="reader-menu" sideOffset={4} align="start">
              {ZOOMS.map((z) => (
                <DropdownMenu.Item key={z.value} className="reader-menu__item" onSelect={() => engine.setScale(z.value)}>
                  {z.label}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        <span className="reader-toolbar__sep" />
        <IconButton label="Previous page" onClick={() => engine.goToPage(state.pageNumber - 1)} disabled={state.pageNumber <= 1}>
          <ChevronUp size={16} />
        </IconButton>
        <IconButton label="Next page" onClick={() => engine.goToPage(state.pageNumber + 1)} disabled={state.pageNumber >= state.pagesCount}>
          <ChevronDown size={16} />
        </IconButton>
        <PageInput engine={engine} state={state} />
      </div>
      <div className="reader-toolbar__group reader-toolbar__tools" role="group" aria-label="Annotation tools">
        {TOOLS.map((t) => (
          <IconButton key={t.tool} label={t.label} pressed={state.tool === t.tool} onClick={() => engine.setTool(t.tool)}>
            {t.icon}
          </IconButton>
        ))}
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="tbtn tbtn--color" aria-label="Annotation colour">
            <span className="swatch" style={{ background: state.color }} />
            <ChevronDown size={12} aria-hidden />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="reader-menu" sideOffset={4}>
              {ANNOTATION_COLORS.map((c) => (
                <DropdownMenu.Item key={c.hex} className="reader-menu__item" onSelect={() => engine.setColor(c.hex)}>
                  <span className="swatch" style={{ background: c.hex }} /> {c.name}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      <div className="reader-toolbar__group">
        <span className={`save-status save-status--${status}`} role="status" data-testid="save-status">
          {status === 'saved' ? 'Saved' : status === 'error' ? 'Not saved — retrying' : 'Saving…'}
        </span>
        <IconButton label="Undo" shortcut="Ctrl+Z" onClick={() => manager.undo()} disabled={!manager.canUndo}>
          <Undo2 size={16} />
        </IconButton>
        <IconButton label="Redo" shortcut="Ctrl+Shift+Z" onClick={() => manager.redo()} disabled={!manager.canRedo}>
          <Redo2 size={16} />
        </IconButton>
        <IconButton label="Dark reading mode" pressed={dark} onClick={() => setReaderDark(!dark)}>
          <Moon size={16} />
        </IconButton>
        <IconButton label="Find in document" shortcut="Ctrl+F" onClick={onFind}>
          <Search size={16} />
        </IconButton>
      </div>
    </div>
  );
}
