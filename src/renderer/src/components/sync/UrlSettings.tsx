/** Base URLs of the sources and the pause between arXiv requests (environment variables win). */
import { Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { SourceUrlSettings, SourceUrlsInfo } from '@shared/sync';
import { saveUrls, useSyncStore } from '../../stores/syncStore';

type UrlKey = 'hf' | 'arxivApi' | 'arxivRss' | 'arxiv';
const FIELDS: { key: UrlKey; label: string; env: string }[] = [
  { key: 'hf', label: 'Hugging Face', env: 'PAPERSHELF_HF_URL' },
  { key: 'arxivApi', label: 'arXiv query API', env: 'PAPERSHELF_ARXIV_API_URL' },
  { key: 'arxivRss', label: 'arXiv RSS', env: 'PAPERSHELF_ARXIV_RSS_URL' },
  { key: 'arxiv', label: 'arXiv (abstract and PDF pages)', env: 'PAPERSHELF_ARXIV_URL' },
];

export function UrlSettings() {
  const info = useSyncStore((s) => s.urls);
  if (!info) return <p className="sync-empty">Loading…</p>;
  return <UrlForm key={JSON.stringify(info.urls)} info={info} />;
}

function UrlForm({ info }: { info: SourceUrlsInfo }) {
  const [values, setValues] = useState<Record<UrlKey, string>>(() => ({ ...info.urls }));
  const [delay, setDelay] = useState(String(info.urls.arxivDelayMs / 1000));
  const fixed = (k: string) => info.overridden.includes(k);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch: SourceUrlSettings = {};
    for (const f of FIELDS) if (!fixed(f.key) && values[f.key] !== info.urls[f.key]) patch[f.key] = values[f.key].trim() || null;
    const ms = Math.round(Number(delay) * 1000);
    if (!fixed('arxivDelayMs') && ms !== info.urls.arxivDelayMs) patch.arxivDelayMs = Number.isFinite(ms) ? ms : null;
    await saveUrls(patch);
  };

  return (
    <form className="sync-form sync-settings" aria-label="Source addresses" onSubmit={(e) => void submit(e)}>
      <p className="sync-hint">Where Papershelf fetches listings. Clear a field to go back to its default.</p>
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}
          <input
            value={values[f.key]}
            disabled={fixed(f.key)}
            onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
          />
          {fixed(f.key) && <span className="sync-settings__env">set by {f.env}</span>}
        </label>
      ))}
      <label>
        Seconds between arXiv requests
        <input type="number" min={1} step={0.5} value={delay} disabled={fixed('arxivDelayMs')} onChange={(e) => setDelay(e.target.value)} />
        {fixed('arxivDelayMs') && <span className="sync-settings__env">set by PAPERSHELF_ARXIV_DELAY_MS</span>}
      </label>
      <div>
        <button type="submit" className="sync-btn sync-btn--primary">
          <Save size={14} aria-hidden /> Save
        </button>
      </div>
    </form>
  );
}
