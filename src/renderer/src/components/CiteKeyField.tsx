/** The citation key in the detail pane: shown, copied as BibTeX, edited in place (checked unique by the core). */
import { ClipboardCopy, Pencil } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { copyBibtex } from '../lib/copyBibtex';

export function CiteKeyField({ id, citationKey }: { id: number; citationKey: string | null }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(citationKey ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setValue(citationKey ?? '');
    setEditing(false);
    setError(null);
  }, [id, citationKey]);

  const save = async () => {
    if (value.trim() === (citationKey ?? '')) {
      setEditing(false);
      return;
    }
    try {
      await api().invoke('papers:setCitationKey', { id, key: value });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <dt>Cite key</dt>
      <dd>
        {editing ? (
          <span className="citekey">
            <input
              aria-label="Citation key"
              value={value}
              autoFocus
              spellCheck={false}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
                if (e.key === 'Escape') {
                  setValue(citationKey ?? '');
                  setEditing(false);
                  setError(null);
                }
              }}
              onBlur={() => void save()}
            />
          </span>
        ) : (
          <span className="citekey">
            <code>{citationKey ?? '—'}</code>
            <button type="button" className="icon-btn" aria-label="Edit citation key" title="Edit citation key" onClick={() => setEditing(true)}>
              <Pencil size={12} />
            </button>
            <button type="button" className="icon-btn" aria-label="Copy BibTeX" title="Copy BibTeX" onClick={() => void copyBibtex(id)}>
              <ClipboardCopy size={12} />
            </button>
          </span>
        )}
      </dd>
      {error && (
        <dd className="citekey__error" role="alert">
          {error}
        </dd>
      )}
    </>
  );
}
