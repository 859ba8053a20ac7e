/** Find in document: pdf.js's find controller highlights every match; Enter/Shift+Enter step. */
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useState } from 'react';
import type { EngineState, ReaderEngine } from '../../reader/engine';

export function FindBar({ engine, state, onClose }: { engine: ReaderEngine; state: EngineState; onClose: () => void }) {
  const [query, setQuery] = useState(state.find.query);
  const close = () => {
    engine.closeFind();
    onClose();
  };
  const f = state.find;
  const result =
    !query || f.status === 'idle' ? '' : f.status === 'pending' && !f.total ? 'Searching…' : f.total ? `${f.current} of ${f.total}` : 'No matches';
  return (
    <div className="findbar" role="search" aria-label="Find in document">
      <input
        className="reader-input findbar__input"
        aria-label="Find"
        placeholder="Find in document"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          engine.find(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') engine.find(query, { again: true, previous: e.shiftKey });
          else if (e.key === 'Escape') close();
        }}
      />
      <span className={`findbar__count${f.status === 'notfound' && query ? ' is-miss' : ''}`} data-testid="find-count">
        {result}
      </span>
      <button className="tbtn" aria-label="Previous match" onClick={() => engine.find(query, { again: true, previous: true })}>
        <ChevronUp size={15} />
      </button>
      <button className="tbtn" aria-label="Next match" onClick={() => engine.find(query, { again: true })}>
        <ChevronDown size={15} />
      </button>
      <button className="tbtn" aria-label="Close find" onClick={close}>
        <X size={15} />
      </button>
    </div>
  );
}
