/** The Daily view's day switcher: one HF Daily Papers day, by upvotes, with previous/next day. */
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { setView, useLibraryStore, type ViewSpec } from '../stores/libraryStore';
import { useTagStore } from '../stores/tagStore';

export const dailySpec = (day: string): ViewSpec => ({
  key: 'daily',
  title: 'Daily papers',
  view: 'all',
  filters: { featuredOn: day },
  sort: 'upvotes',
});

export function dayLabel(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function DailyNav() {
  const day = useLibraryStore((s) => (s.spec.key === 'daily' ? s.spec.filters.featuredOn : undefined));
  const days = useTagStore((s) => s.days);
  if (!day) return null;
  const i = days.findIndex((d) => d.day === day);
  const older = i >= 0 ? days[i + 1] : undefined;
  const newer = i > 0 ? days[i - 1] : undefined;
  return (
    <div className="daily-nav" role="group" aria-label="Day">
      <DayButton to={older?.day} label="Previous day" none="No earlier day" icon={<ChevronLeft size={16} aria-hidden />} />
      <span className="daily-nav__day" data-testid="daily-day">
        {dayLabel(day)}
      </span>
      <DayButton to={newer?.day} label="Next day" none="No later day" icon={<ChevronRight size={16} aria-hidden />} />
    </div>
  );
}

/** A step to another day (disabled, saying so, when there is none that way). */
function DayButton({ to, label, none, icon }: { to: string | undefined; label: string; none: string; icon: ReactNode }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={to ? dayLabel(to) : none}
      disabled={!to}
      onClick={() => to && void setView(dailySpec(to))}
    >
      {icon}
    </button>
  );
}
