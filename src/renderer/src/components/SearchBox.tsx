/** The one search box: typed text goes to the core's FTS search (debounced); `/` focuses it. */
import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { setSearch, useLibraryStore } from '../stores/libraryStore';

export const SEARCH_INPUT_ID = 'library-search';
const DEBOUNCE_MS = 120;

export function SearchBox() {
  const search = useLibraryStore((s) => s.search);
  const [text, setText] = useState(search);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setText(search), [search]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (v: string) => {
    setText(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void setSearch(v), DEBOUNCE_MS);
  };

  return (
    <div className="search-box">
      <Search size={14} aria-hidden className="search-box__icon" />
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        role="searchbox"
        aria-label="Search papers"
        placeholder="Search papers, notes, PDFs   /"
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (text) change('');
            (e.target as HTMLInputElement).blur();
          }
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            void setSearch(text);
          }
        }}
      />
      {text && (
        <button type="button" className="search-box__clear" aria-label="Clear search" onClick={() => change('')}>
          <X size={13} aria-hidden />
        </button>
      )}
    </div>
  );
}
