/** The sidebar's "Discover" heading with the entry into "More like #tag". */
import { Sparkles } from 'lucide-react';
import { openDiscover, useRecsStore } from '../stores/recsStore';
import '../styles/recs.css';

export function DiscoverNav() {
  const open = useRecsStore((s) => s.discoverOpen);
  return (
    <div className="discover-nav">
      <div className="sidebar__section-title">Discover</div>
      <ul className="sidebar__list" role="list">
        <li>
          <button
            type="button"
            className={`sidebar__item discover-nav__item${open ? ' is-active' : ''}`}
            aria-current={open ? 'page' : undefined}
            onClick={() => void openDiscover()}
          >
            <span className="sidebar__icon" aria-hidden>
              <Sparkles size={16} />
            </span>
            <span className="sidebar__label">More like #tag</span>
          </button>
        </li>
      </ul>
    </div>
  );
}
