/** Every modal of the library: tag rename/merge/delete/create, delete papers, save search, shortcuts. */
import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { TagNode } from '@shared/library';
import { closeDialog, useDialogStore } from '../stores/dialogStore';
import { currentQuery, deletePapers, useLibraryStore } from '../stores/libraryStore';
import { createTag, deleteTag, mergeTag, renameTag, saveSearch, useTagStore } from '../stores/tagStore';
import { SHORTCUTS } from './shortcuts';

function Shell(props: { title: string; description?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <Dialog.Root open onOpenChange={(o) => !o && closeDialog()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className={`dialog${props.wide ? ' dialog--wide' : ''}`}>
          <Dialog.Title className="dialog__title">{props.title}</Dialog.Title>
          <Dialog.Close className="icon-button dialog__close" aria-label="Close">
            <X size={15} aria-hidden />
          </Dialog.Close>
          {props.description ? (
            <Dialog.Description className="dialog__desc">{props.description}</Dialog.Description>
          ) : (
            <Dialog.Description className="sr-only">{props.title}</Dialog.Description>
          )}
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      closeDialog();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Buttons(props: { busy: boolean; label: string; danger?: boolean; error: string | null; disabled?: boolean }) {
  return (
    <>
      {props.error && (
        <p className="dialog__error" role="alert">
          {props.error}
        </p>
      )}
      <div className="dialog__buttons">
        <Dialog.Close asChild>
          <button type="button" className="button">
            Cancel
          </button>
        </Dialog.Close>
        <button type="submit" className={`button ${props.danger ? 'button--danger' : 'button--primary'}`} disabled={props.busy || props.disabled}>
          {props.label}
        </button>
      </div>
    </>
  );
}

const papers = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;

function TextDialog(props: { title: string; label: string; initial: string; submit: string; onSubmit: (v: string) => Promise<unknown>; description?: ReactNode }) {
  const [value, setValue] = useState(props.initial);
  const { error, busy, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => props.onSubmit(value.trim()));
  };
  return (
    <Shell title={props.title} description={props.description}>
      <form onSubmit={submit}>
        <label className="field">
          <span>{props.label}</span>
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        <Buttons busy={busy} label={props.submit} error={error} disabled={!value.trim()} />
      </form>
    </Shell>
  );
}

function MergeDialog({ tag }: { tag: TagNode }) {
  const tags = useTagStore((s) => s.tags).filter((t) => t.id !== tag.id && !t.path.toLowerCase().startsWith(tag.path.toLowerCase() + '/'));
  const [into, setInto] = useState<number | null>(tags[0]?.id ?? null);
  const { error, busy, run } = useAction();
  return (
    <Shell title={`Merge “${tag.path}”`} description={`Its ${papers(tag.total)} and child tags move to the tag you pick; “${tag.path}” is removed.`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (into !== null) void run(() => mergeTag(tag.id, into));
        }}
      >
        <label className="field">
          <span>Merge into</span>
          <select autoFocus value={into ?? ''} onChange={(e) => setInto(Number(e.target.value))}>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.path} ({t.total})
              </option>
            ))}
          </select>
        </label>
        <Buttons busy={busy} label="Merge" error={error} disabled={into === null} />
      </form>
    </Shell>
  );
}

function ConfirmDialog(props: { title: string; description: ReactNode; label: string; onConfirm: () => Promise<unknown> }) {
  const { error, busy, run } = useAction();
  return (
    <Shell title={props.title} description={props.description}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(props.onConfirm);
        }}
      >
        <Buttons busy={busy} label={props.label} danger error={error} />
      </form>
    </Shell>
  );
}

function ShortcutsDialog() {
  return (
    <Shell title="Keyboard shortcuts" wide>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys.join()}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Shell>
  );
}

export function Dialogs() {
  const d = useDialogStore((s) => s.open);
  if (!d) return null;
  switch (d.kind) {
    case 'rename-tag':
      return (
        <TextDialog
          title={`Rename “${d.tag.path}”`}
          description={`${papers(d.tag.total)}. Use a/b to move it under another tag.`}
          label="New name"
          initial={d.tag.path}
          submit="Rename"
          onSubmit={(v) => renameTag(d.tag.id, v)}
        />
      );
    case 'create-tag':
      return <TextDialog title="New tag" label="Name" initial="" submit="Create" description="Use a/b for a tag under another." onSubmit={(v) => createTag(v)} />;
    case 'merge-tag':
      return <MergeDialog tag={d.tag} />;
    case 'delete-tag':
      return (
        <ConfirmDialog
          title={`Delete “${d.tag.path}”?`}
          description={`The tag${d.tag.total !== d.tag.own ? ' and its child tags' : ''} will be removed from ${papers(d.tag.total)}. The papers stay in the library.`}
          label="Delete tag"
          onConfirm={() => deleteTag(d.tag.id)}
        />
      );
    case 'delete-papers':
      return (
        <ConfirmDialog
          title={`Delete ${papers(d.ids.length)}?`}
          description="They are removed from the library with their tags, notes, annotations and PDFs. This cannot be undone."
          label={`Delete ${papers(d.ids.length)}`}
          onConfirm={() => deletePapers(d.ids)}
        />
      );
    case 'save-search': {
      const s = useLibraryStore.getState();
      const { view, sort, dir, tagIds, tagMode, states, starred, hasPdf, from, to, source, featuredOn } = currentQuery(s);
      const filters = Object.fromEntries(
        Object.entries({ view, sort: sort === 'relevance' ? undefined : sort, dir, tagIds, tagMode, states, starred, hasPdf, from, to, source, featuredOn }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      return <TextDialog title="Save search" label="Name" initial={s.search.trim()} submit="Save" onSubmit={(name) => saveSearch(name, s.search.trim(), filters)} />;
    }
    case 'shortcuts':
      return <ShortcutsDialog />;
  }
}
