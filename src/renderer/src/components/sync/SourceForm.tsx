/** Add a sync source: HF day/range/week/month, an arXiv query, or arXiv RSS categories. */
import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { HfParams, SourceSpec } from '@shared/sync';
import { addSource } from '../../stores/syncStore';

type Kind = SourceSpec['kind'];
type HfMode = HfParams['mode'];

const today = () => new Date().toISOString().slice(0, 10);

function isoWeek(d = new Date()): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const week = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function SourceForm() {
  const [kind, setKind] = useState<Kind>('hf');
  const [mode, setMode] = useState<HfMode>('day');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [week, setWeek] = useState(isoWeek);
  const [month, setMonth] = useState(() => today().slice(0, 7));
  const [query, setQuery] = useState('cat:cs.LG');
  const [max, setMax] = useState('500');
  const [cats, setCats] = useState('cs.LG');
  const [name, setName] = useState('');

  const spec = (): SourceSpec => {
    if (kind === 'arxiv') return { kind, params: { query, max: Number(max) || 500 } };
    if (kind === 'rss') return { kind, params: { categories: cats.split(/[\s,+]+/).filter(Boolean) } };
    const params: HfParams =
      mode === 'day' ? { mode, date } : mode === 'range' ? { mode, from, to } : mode === 'week' ? { mode, week } : { mode, month };
    return { kind, params };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await addSource(spec(), name.trim() || undefined)) setName('');
  };

  return (
    <form className="sync-form" aria-label="Add a source" onSubmit={(e) => void submit(e)}>
      <div className="sync-form__row">
        <label>
          Source
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="hf">Hugging Face Daily Papers</option>
            <option value="arxiv">arXiv query</option>
            <option value="rss">arXiv RSS categories</option>
          </select>
        </label>
        {kind === 'hf' && (
          <label>
            Period
            <select value={mode} onChange={(e) => setMode(e.target.value as HfMode)}>
              <option value="day">Day</option>
              <option value="range">Date range</option>
              <option value="week">ISO week</option>
              <option value="month">Month</option>
            </select>
          </label>
        )}
        {kind === 'hf' && mode === 'day' && <Field label="Date" value={date} set={setDate} type="date" />}
        {kind === 'hf' && mode === 'range' && (
          <>
            <Field label="From" value={from} set={setFrom} type="date" />
            <Field label="To" value={to} set={setTo} type="date" />
          </>
        )}
        {kind === 'hf' && mode === 'week' && <Field label="Week" value={week} set={setWeek} placeholder="2026-W47" />}
        {kind === 'hf' && mode === 'month' && <Field label="Month" value={month} set={setMonth} placeholder="2026-11" />}
        {kind === 'arxiv' && (
          <>
            <Field label="Query" value={query} set={setQuery} placeholder="cat:cs.LG AND abs:diffusion" wide />
            <Field label="Max results" value={max} set={setMax} type="number" />
          </>
        )}
        {kind === 'rss' && <Field label="Categories" value={cats} set={setCats} placeholder="cs.LG cs.AI" wide />}
      </div>
      <div className="sync-form__row">
        <Field label="Name (optional)" value={name} set={setName} placeholder="e.g. Today on HF" wide />
        <button type="submit" className="sync-btn sync-btn--primary">
          <Plus size={14} aria-hidden /> Add source
        </button>
      </div>
    </form>
  );
}

function Field(p: { label: string; value: string; set: (v: string) => void; type?: string; placeholder?: string; wide?: boolean }) {
  return (
    <label className={p.wide ? 'is-wide' : undefined}>
      {p.label}
      <input type={p.type ?? 'text'} value={p.value} placeholder={p.placeholder} onChange={(e) => p.set(e.target.value)} />
    </label>
  );
}
