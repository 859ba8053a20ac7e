/**
 * The toolbar's Export menu: copy the selected paper's BibTeX; export the selection, a tag or the
 * library as BibTeX, BibLaTeX, Markdown, CSL-JSON or RIS (downloaded as a file); import a .bib or
 * .ris file; keep a .bib file updated automatically.
 */
import * as Dialog from '@radix-ui/react-dialog';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, ClipboardCopy, FileDown, FileUp, RefreshCw, Share } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ImportReport } from '@shared/notesExport';
import type { ExportScope } from '@shared/ipc/contract';
import { api } from '../api/client';
import { copyBibtex } from '../lib/copyBibtex';
import { downloadText } from '../lib/download';
import { useLibraryStore } from '../stores/libraryStore';
import '../styles/notes.css';

type Format = 'bibtex' | 'biblatex' | 'markdown' | 'csl-json' | 'ris';
const FORMATS: { id: Format; label: string; ext: string; type: string }[] = [
  { id: 'bibtex', label: 'BibTeX', ext: '.bib', type: 'application/x-bibtex' },
  { id: 'biblatex', label: 'BibLaTeX', ext: '.bib', type: 'application/x-bibtex' },
  { id: 'markdown', label: 'Markdown', ext: '.md', type: 'text/markdown' },
  { id: 'csl-json', label: 'CSL-JSON', ext: '.json', type: 'application/json' },
  { id: 'ris', label: 'RIS', ext: '.ris', type: 'application/x-research-info-systems' },
];

type ScopeKind = 'selection' | 'tag' | 'all';

async function render(format: Format, scope: ExportScope, charset: 'ascii' | 'utf8' | undefined): Promise<{ name: string; text: string }[]> {
  const base = 'tag' in scope ? scope.tag.replace(/[/\\]/g, '-') : 'all' in scope ? 'library' : 'papers';
  const f = FORMATS.find((x) => x.id === format)!;
  if (format === 'markdown') return api().invoke('export:markdown', { scope, layout: 'single' });
  const text =
    format === 'bibtex' || format === 'biblatex'
      ? await api().invoke('export:bibtex', { scope, flavour: format, charset })
      : format === 'csl-json'
        ? await api().invoke('export:csl', { scope })
        : await api().invoke('export:ris', { scope });
  return [{ name: `${base}${f.ext}`, text }];
}

function ExportDialog({ open, onOpenChange, initialFormat }: { open: boolean; onOpenChange(o: boolean): void; initialFormat: Format }) {
  const selectedId = useLibraryStore((s) => s.selectedId);
  const [format, setFormat] = useState<Format>(initialFormat);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(selectedId !== null ? 'selection' : 'all');
  const [tag, setTag] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [charset, setCharset] = useState<'default' | 'ascii' | 'utf8'>('default');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setFormat(initialFormat);
    setError(null);
    setScopeKind(selectedId !== null ? 'selection' : 'all');
    void api().invoke('export:tagPaths', {}).then(setTags, () => setTags([]));
  }, [open, initialFormat, selectedId]);

  const run = async () => {
    const scope: ExportScope =
      scopeKind === 'selection' && selectedId !== null ? { ids: [selectedId] } : scopeKind === 'tag' ? { tag } : { all: true };
    setBusy(true);
    setError(null);
    try {
      const files = await render(format, scope, charset === 'default' ? undefined : charset);
      const type = FORMATS.find((f) => f.id === format)!.type;
      for (const f of files) downloadText(f.name, f.text, type);
      onOpenChange(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">Export papers</Dialog.Title>
          <fieldset className="dialog__row" style={{ border: 0, padding: 0, margin: 0 }}>
            <span>Papers</span>
            <div className="dialog__choices">
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'selection'} disabled={selectedId === null} onChange={() => setScopeKind('selection')} />
                Selected paper
              </label>
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'tag'} onChange={() => setScopeKind('tag')} />
                Tag
              </label>
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} />
                Whole library
              </label>
            </div>
            {scopeKind === 'tag' && (
              <>
                <input type="text" aria-label="Tag" list="export-tags" placeholder="e.g. ml/rl" value={tag} onChange={(e) => setTag(e.target.value)} />
                <datalist id="export-tags">
                  {tags.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </fieldset>
          <label className="dialog__row">
            <span>Format</span>
            <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {(format === 'bibtex' || format === 'biblatex') && (
            <label className="dialog__row">
              <span>Characters</span>
              <select aria-label="Characters" value={charset} onChange={(e) => setCharset(e.target.value as typeof charset)}>
                <option value="default">{format === 'bibtex' ? 'Default (LaTeX commands, for BibTeX + pdfLaTeX)' : 'Default (UTF-8, for biber)'}</option>
                <option value="ascii">LaTeX commands (ASCII)</option>
                <option value="utf8">UTF-8</option>
              </select>
            </label>
          )}
          {error && (
            <p className="citekey__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <Dialog.Close className="btn">Cancel</Dialog.Close>
            <button type="button" className="btn btn--primary" disabled={busy || (scopeKind === 'tag' && !tag.trim())} onClick={() => void run()}>
              <FileDown size={14} aria-hidden /> Export
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ImportResult({ result, onClose }: { result: (ImportReport & { file: string }) | null; onClose(): void }) {
  return (
    <Dialog.Root open={result !== null} onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">Imported {result?.file}</Dialog.Title>
          <p className="dialog__ok" data-testid="import-summary">
            {result?.imported} new {result?.imported === 1 ? 'paper' : 'papers'}, {result?.merged} merged with papers already in the library
          </p>
          {result && result.errors.length > 0 && (
            <>
              <p className="dialog__desc">
                {result.errors.length} {result.errors.length === 1 ? 'entry was' : 'entries were'} skipped:
              </p>
              <ul className="dialog__errors">
                {result.errors.map((e, i) => (
                  <li key={i}>
                    line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog__actions">
            <Dialog.Close className="btn btn--primary">Done</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function AutoExportDialog({ open, onOpenChange }: { open: boolean; onOpenChange(o: boolean): void }) {
  const [path, setPath] = useState('');
  const [flavour, setFlavour] = useState<'bibtex' | 'biblatex'>('bibtex');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) void load();
  }, [open]);
  const load = async () => {
    const s = await api().invoke('export:autoBib:get', {});
    setPath(s.path ?? '');
    setFlavour(s.flavour);
    setTag(s.tag ?? '');
    setStatus(s.path ? (s.lastError ? `Last write failed: ${s.lastError}` : `Keeping ${s.path} updated`) : 'Off');
  };
  const save = async (off = false) => {
    setError(null);
    try {
      const s = await api().invoke('export:autoBib:set', { path: off || !path.trim() ? null : path.trim(), flavour, charset: null, tag: tag.trim() || null });
      setStatus(s.path ? `Keeping ${s.path} updated` : 'Off');
      if (off) setPath('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">Keep a .bib file updated</Dialog.Title>
          <Dialog.Description className="dialog__desc">
            Papershelf rewrites this file whenever its papers change, so your LaTeX project always cites the current library. Citation keys never change unless you edit them.
          </Dialog.Description>
          <label className="dialog__row">
            <span>File (absolute path)</span>
            <input type="text" aria-label="Auto-export file" placeholder="/home/me/thesis/references.bib" value={path} onChange={(e) => setPath(e.target.value)} />
          </label>
          <label className="dialog__row">
            <span>Flavour</span>
            <select aria-label="Flavour" value={flavour} onChange={(e) => setFlavour(e.target.value as typeof flavour)}>
              <option value="bibtex">BibTeX (LaTeX commands)</option>
              <option value="biblatex">BibLaTeX (UTF-8, for biber)</option>
            </select>
          </label>
          <label className="dialog__row">
            <span>Only papers tagged (optional)</span>
            <input type="text" aria-label="Only this tag" value={tag} onChange={(e) => setTag(e.target.value)} />
          </label>
          {status && <p className="dialog__desc" role="status">{status}</p>}
          {error && (
            <p className="citekey__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="btn" onClick={() => void save(true)}>
              Turn off
            </button>
            <Dialog.Close className="btn">Close</Dialog.Close>
            <button type="button" className="btn btn--primary" onClick={() => void save()}>
              <RefreshCw size={14} aria-hidden /> Keep updated
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function ExportMenu() {
  const selectedId = useLibraryStore((s) => s.selectedId);
  const [dialog, setDialog] = useState<{ format: Format } | null>(null);
  const [auto, setAuto] = useState(false);
  const [imported, setImported] = useState<(ImportReport & { file: string }) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (file: File) => {
    try {
      const text = await file.text();
      const kind = /\.ris$/i.test(file.name) ? 'import:ris' : 'import:bib';
      const r = await api().invoke(kind, { text });
      setImported({ ...r, file: file.name });
    } catch (e) {
      setImported({ imported: 0, merged: 0, errors: [{ line: 0, message: (e as Error).message }], file: file.name });
    }
  };

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="btn" aria-label="Export">
          <Share size={14} aria-hidden /> Export <ChevronDown size={12} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu__item" disabled={selectedId === null} onSelect={() => selectedId !== null && void copyBibtex(selectedId)}>
              <ClipboardCopy size={14} aria-hidden /> Copy BibTeX
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu__item" disabled={selectedId === null} onSelect={() => selectedId !== null && void copyBibtex(selectedId, 'biblatex')}>
              <ClipboardCopy size={14} aria-hidden /> Copy BibLaTeX
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu__sep" />
            <DropdownMenu.Label className="menu__label">Export as</DropdownMenu.Label>
            {FORMATS.map((f) => (
              <DropdownMenu.Item key={f.id} className="menu__item" onSelect={() => setDialog({ format: f.id })}>
                <FileDown size={14} aria-hidden /> {f.label}…<span className="menu__hint">{f.ext}</span>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="menu__sep" />
            <DropdownMenu.Item className="menu__item" onSelect={() => fileInput.current?.click()}>
              <FileUp size={14} aria-hidden /> Import .bib or .ris…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu__item" onSelect={() => setAuto(true)}>
              <RefreshCw size={14} aria-hidden /> Keep a .bib file updated…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <input
        ref={fileInput}
        type="file"
        accept=".bib,.ris,.bibtex,text/plain"
        aria-label="Import file"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void onFile(f);
          e.target.value = '';
        }}
      />
      <ExportDialog open={dialog !== null} onOpenChange={(o) => !o && setDialog(null)} initialFormat={dialog?.format ?? 'bibtex'} />
      <AutoExportDialog open={auto} onOpenChange={setAuto} />
      <ImportResult result={imported} onClose={() => setImported(null)} />
    </>
  );
}
