/** A search snippet: text between the core's highlight markers is shown as <mark>. */
import { MARK_END, MARK_START, type SearchMatch } from '@shared/library';

export function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((p, i) => {
        if (i === 0) return <span key={i}>{p}</span>;
        const end = p.indexOf(MARK_END);
        if (end === -1) return <span key={i}>{p}</span>;
        return (
          <span key={i}>
            <mark>{p.slice(0, end)}</mark>
            {p.slice(end + 1)}
          </span>
        );
      })}
    </>
  );
}

const WHERE: Record<SearchMatch['where'], string> = {
  title: 'Title',
  authors: 'Authors',
  abstract: 'Abstract',
  keywords: 'Keywords',
  note: 'Note',
  annotation: 'Annotation',
  pdf: 'PDF',
};

export function whereLabel(m: SearchMatch): string {
  return m.where === 'pdf' && m.page ? `PDF p. ${m.page}` : WHERE[m.where];
}

export function SnippetLine({ match }: { match: SearchMatch | undefined }) {
  if (!match) return <span className="row-snippet row-snippet--pending" />;
  return (
    <span className="row-snippet" data-testid="snippet">
      <span className={`where-badge where-badge--${match.where}`}>{whereLabel(match)}</span>
      <span className="row-snippet__text">
        <Highlighted text={match.snippet.replace(/\s+/g, ' ')} />
      </span>
    </span>
  );
}
