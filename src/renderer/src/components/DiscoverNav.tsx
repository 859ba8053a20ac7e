/** The sidebar entry into Discover ("More like #tag"). */
import { Sparkles } from 'lucide-react';
import { showCover } from '../lib/mainView';
import { useRecsStore } from '../stores/recsStore';
import '../styles/recs.css';

export function DiscoverItem() {
  const open = useRecsStore((s) => s.discoverOpen);
  return (
    <button
      type="button"
      className={`sidebar__item discover-nav__item${open ? ' is-active' : ''}`}
      aria-current={open ? 'page' : undefined}
      onClick={() => showCover('discover')}
    >
      <span className="sidebar__icon" aria-hidden>
        <Sparkles size={16} />
      </span>
      <span className="sidebar__label">More like #tag</span>
    </button>
  );
}
