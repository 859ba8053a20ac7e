/** A tag name field with autocomplete over existing tags; Enter adds the highlighted or typed tag. */
import { useId, useMemo, useState, type RefObject } from 'react';
import { useTagStore } from '../stores/tagStore';

export function TagInput(props: {
  onAdd: (path: string) => void;
  exclude?: number[];
  inputRef?: RefObject<HTMLInputElement | null>;
  placeholder?: string;
  autoFocus?: boolean;
  onEscape?: () => void;
  label?: string;
}) {
  const tags = useTagStore((s) => s.tags);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const q = text.trim().toLowerCase();
  const suggestions = useMemo(() => {
    if (!q) return [];
    const ex = new Set(props.exclude ?? []);
    return tags
      .filter((t) => !ex.has(t.id) && t.path.toLowerCase().includes(q))
      .sort((a, b) => Number(!a.path.toLowerCase().startsWith(q)) - Number(!b.path.toLowerCase().startsWith(q)) || b.total - a.total)
      .slice(0, 8);
  }, [tags, q, props.exclude]);
  const exact = suggestions.some((t) => t.path.toLowerCase() === q);
  const options = [...suggestions.map((t) => ({ key: String(t.id), path: t.path, color: t.color, create: false })), ...(q && !exact ? [{ key: 'new', path: text.trim(), color: null, create: true }] : [])];
  const add = (path: string) => {
    if (!path.trim()) return;
    props.onAdd(path.trim());
    setText('');
    setActive(0);
  };
  return (
    <div className="tag-input">
      <input
        ref={props.inputRef}
        autoFocus={props.autoFocus}
        aria-label={props.label ?? 'Add tag'}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={props.placeholder ?? 'Add tag…'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            add(options[active]?.path ?? text);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setText('');
            props.onEscape?.();
          }
        }}
      />
      {options.length > 0 && (
        <ul className="tag-input__list" role="listbox" id={listId} aria-label="Tag suggestions">
          {options.map((o, i) => (
            <li
              key={o.key}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                add(o.path);
              }}
            >
              {o.create ? (
                <>
                  Create <strong>{o.path}</strong>
                </>
              ) : (
                <>
                  <span className="tag-dot" style={{ background: o.color ?? 'var(--text-faint)' }} />
                  {o.path}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
