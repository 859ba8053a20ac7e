/** Watch rules: match incoming papers and tag them (they land in the Inbox). */
import { Plus, Tags, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { RuleField } from '@shared/sync';
import { applyRule, deleteRule, saveRule, useSyncStore } from '../../stores/syncStore';

const FIELD_LABEL: Record<RuleField, string> = {
  keyword: 'Keyword in title or abstract',
  author: 'Author',
  organization: 'Organisation',
  category: 'arXiv category',
  minUpvotes: 'At least N upvotes',
};

function defaultName(field: RuleField, pattern: string): string {
  const p = pattern.trim();
  if (field === 'minUpvotes') return `≥ ${p} upvotes`;
  if (field === 'keyword') return p;
  return `${FIELD_LABEL[field]}: ${p}`;
}

export function RulesEditor() {
  const rules = useSyncStore((s) => s.rules);
  const [name, setName] = useState('');
  const [field, setField] = useState<RuleField>('keyword');
  const [pattern, setPattern] = useState('');
  const [tags, setTags] = useState('');
  const [applied, setApplied] = useState<Record<number, number>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await saveRule({
      name: name.trim() || defaultName(field, pattern),
      field,
      pattern,
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
    });
    if (ok) {
      setName('');
      setPattern('');
      setTags('');
    }
  };

  return (
    <div className="sync-rules">
      <p className="sync-hint">
        Papers a sync brings in that match a rule get its tags and wait in the Inbox. Separate alternatives with commas.
      </p>
      {rules.length ? (
        <ul className="sync-rule-list" aria-label="Watch rules">
          {rules.map((r) => (
            <li key={r.id} className="sync-rule" aria-label={r.name}>
              <div className="sync-rule__text">
                <span className="sync-rule__name">{r.name}</span>
                <span className="sync-rule__what">
                  {FIELD_LABEL[r.field]}: <code>{r.pattern}</code>
                </span>
              </div>
              <div className="sync-rule__tags">
                {r.tags.map((t) => (
                  <span key={t} className="tag-chip">
                    {t}
                  </span>
                ))}
              </div>
              {applied[r.id] !== undefined && <span className="sync-rule__applied">tagged {applied[r.id]}</span>}
              <button
                type="button"
                className="sync-btn"
                disabled={!r.enabled || !r.tags.length}
                onClick={() => void applyRule(r.id).then((n) => n !== null && setApplied((a) => ({ ...a, [r.id]: n })))}
              >
                <Tags size={13} aria-hidden /> Apply to library
              </button>
              <button type="button" className="sync-btn sync-btn--icon" aria-label={`Delete rule ${r.name}`} onClick={() => void deleteRule(r.id)}>
                <Trash2 size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sync-empty">No watch rules yet.</p>
      )}
      <form className="sync-form" aria-label="Add a watch rule" onSubmit={(e) => void submit(e)}>
        <div className="sync-form__row">
          <label>
            Match
            <select value={field} onChange={(e) => setField(e.target.value as RuleField)}>
              {(Object.keys(FIELD_LABEL) as RuleField[]).map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABEL[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="is-wide">
            Pattern
            <input value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={field === 'minUpvotes' ? '50' : 'diffusion, flow matching'} />
          </label>
        </div>
        <div className="sync-form__row">
          <label>
            Rule name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="optional" />
          </label>
          <label className="is-wide">
            Tags
            <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="watch/diffusion, to-read" />
          </label>
          <button type="submit" className="sync-btn sync-btn--primary">
            <Plus size={14} aria-hidden /> Add rule
          </button>
        </div>
      </form>
    </div>
  );
}
