import type { ReactNode } from 'react';

export function EmptyState(props: { icon: ReactNode; title: string; children?: ReactNode; tone?: 'error' }) {
  return (
    <div className={`empty-state${props.tone === 'error' ? ' empty-state--error' : ''}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      <div className="empty-state__icon" aria-hidden>
        {props.icon}
      </div>
      <div className="empty-state__title">{props.title}</div>
      {props.children && <div className="empty-state__body">{props.children}</div>}
    </div>
  );
}
