import { CopyCheck, Smile, BookMarked, ExternalLink, FileText, FolderGit2, Globe, MessageSquare, Star, ThumbsUp, Building2, MousePointerClick, AlertTriangle } from 'lucide-react';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { PaperDetail } from '@shared/domain';
import { longDate } from '../lib/format';
import { showPaper, useDetailStore } from '../stores/detailStore';
import { useLibraryStore } from '../stores/libraryStore';
import { EmptyState } from './EmptyState';
import { PdfSection } from './pdfs/PdfSection';
import { MathText } from './MathText';
import { NotesSection } from './detail/NotesSection';
import { TagEditor } from './detail/TagEditor';
import { TriageSection } from './detail/TriageSection';
import { OpenPdfButton } from './reader/OpenPdfButton';
import { CiteKeyField } from './CiteKeyField';
import { SimilarPapers } from './SimilarPapers';

function ExtLink({ href, icon, children }: { href: string | null; icon: ReactNode; children: ReactNode }) {
  if (!href) return null;
  return (
    <a className="link-chip" href={href} target="_blank" rel="noreferrer noopener">
      {icon}
      <span>{children}</span>
      <ExternalLink size={11} aria-hidden className="link-chip__ext" />
    </a>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Header({ p }: { p: PaperDetail }) {
  return (
      <header className="detail__header">
        <h1 className="detail__title">{p.title}</h1>
        <p className="detail__authors">{p.authorsFull.map((a) => a.name).join(', ') || '—'}</p>
        <div className="detail__badges">
          {p.starred && (
            <span className="badge badge--star">
              <Star size={12} aria-hidden /> Starred
            </span>
          )}
          <span className={`badge badge--state-${p.state}`}>{p.state}</span>
          {p.hf.upvotes !== null && (
            <span className="badge" title="Hugging Face upvotes">
              <ThumbsUp size={12} aria-hidden /> {p.hf.upvotes}
            </span>
          )}
          {p.hf.comments !== null && (
            <span className="badge" title="Comments on Hugging Face">
              <MessageSquare size={12} aria-hidden /> {p.hf.comments}
            </span>
          )}
          {p.hf.githubStars !== null && (
            <span className="badge" title="GitHub stars">
              <FolderGit2 size={12} aria-hidden /> {p.hf.githubStars}
            </span>
          )}
          {p.newVersionAvailable && <span className="badge badge--warn">New version available</span>}
        </div>
        <OpenPdfButton paper={p} />
      </header>
  );
}

function Links({ p }: { p: PaperDetail }) {
  return (
      <nav className="detail__links" aria-label="Links">
        <ExtLink href={p.links.abs} icon={<BookMarked size={13} aria-hidden />}>
          arXiv
        </ExtLink>
        <ExtLink href={p.links.pdf} icon={<FileText size={13} aria-hidden />}>
          PDF
        </ExtLink>
        <ExtLink href={p.links.hf} icon={<Smile size={13} aria-hidden />}>
          Hugging Face
        </ExtLink>
        <ExtLink href={p.links.github} icon={<FolderGit2 size={13} aria-hidden />}>
          Code
        </ExtLink>
        <ExtLink href={p.links.projectPage} icon={<Globe size={13} aria-hidden />}>
          Project page
        </ExtLink>
        <ExtLink href={p.links.doi} icon={<ExternalLink size={13} aria-hidden />}>
          DOI
        </ExtLink>
      </nav>
  );
}

function Fields({ p }: { p: PaperDetail }) {
  return (
    <>
      <dl className="detail__fields">
        {p.arxivId && (
          <Field label="arXiv">
            {p.arxivId}
            {p.version ? `v${p.version}` : ''}
          </Field>
        )}
        <Field label="Published">{longDate(p.publishedAt)}</Field>
        {p.hf.featuredOn && <Field label="On HF Daily">{longDate(p.hf.featuredOn)}</Field>}
        {p.hf.organization && (
          <Field label="Organisation">
            <Building2 size={12} aria-hidden /> {p.hf.organization}
          </Field>
        )}
        {p.primaryCategory && <Field label="Category">{p.categories.join(', ') || p.primaryCategory}</Field>}
        <CiteKeyField id={p.id} citationKey={p.citationKey} />
      </dl>
      {p.hf.aiKeywords.length > 0 && (
        <ul className="keyword-list" aria-label="AI keywords">
          {p.hf.aiKeywords.map((k) => (
            <li key={k} className="keyword">
              {k}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Abstract({ p }: { p: PaperDetail }) {
  return (
    <>
      <section className="detail__section">
        <h2>Abstract</h2>
        <div className="detail__abstract">
          {(p.abstract ?? 'No abstract.').split(/\n\s*\n/).map((para, i) => (
            <p key={i}>
              <MathText text={para} />
            </p>
          ))}
        </div>
      </section>
      {p.hf.aiSummary && (
        <section className="detail__section">
          <h2>AI summary</h2>
          <p className="detail__summary">
            <MathText text={p.hf.aiSummary} />
          </p>
        </section>
      )}
    </>
  );
}

/**
 * The detail pane's sections, top to bottom. Each is a small component of the paper; other
 * features add theirs here (PDF, similar papers, notes editor) with one line each.
 */
const SECTIONS: { id: string; Component: (props: { p: PaperDetail }) => ReactNode }[] = [
  { id: 'header', Component: Header },
  { id: 'triage', Component: TriageSection },
  { id: 'tags', Component: TagEditor },
  { id: 'links', Component: Links },
  { id: 'pdf', Component: PdfSection },
  { id: 'fields', Component: Fields },
  { id: 'abstract', Component: Abstract },
  { id: 'notes', Component: NotesSection },
  { id: 'similar', Component: ({ p }) => <SimilarPapers paperId={p.id} /> }, // recommendations (#8)
];

function Paper({ p }: { p: PaperDetail }) {
  return (
    <article className="detail" aria-label="Paper details">
      {SECTIONS.map(({ id, Component }) => (
        <Component key={id} p={p} />
      ))}
    </article>
  );
}

export function DetailPane() {
  const selectedId = useLibraryStore((s) => s.selectedId);
  const many = useLibraryStore((s) => s.selected.size);
  const { paper, loading, error } = useDetailStore();
  useEffect(() => {
    void showPaper(selectedId);
  }, [selectedId]);

  return (
    <aside className="pane pane--detail" aria-label="Details" id="detail-pane" tabIndex={-1}>
      {many > 1 ? (
        <EmptyState icon={<CopyCheck size={28} />} title={`${many.toLocaleString()} papers selected`}>
          Tag, star, file or delete them with the bar above the list, or press <kbd>t</kbd>, <kbd>s</kbd>, <kbd>r</kbd>, <kbd>e</kbd>.
        </EmptyState>
      ) : selectedId === null ? (
        <EmptyState icon={<MousePointerClick size={28} />} title="No paper selected">
          Select a paper to see its abstract, links and notes.
        </EmptyState>
      ) : error ? (
        <EmptyState icon={<AlertTriangle size={28} />} title="This paper could not be loaded" tone="error">
          {error}
        </EmptyState>
      ) : paper ? (
        <Paper p={paper} />
      ) : loading ? (
        <div className="detail detail--loading" aria-busy>
          <span className="skeleton skeleton--title" />
          <span className="skeleton" style={{ width: '70%' }} />
          <span className="skeleton" style={{ width: '90%' }} />
        </div>
      ) : null}
    </aside>
  );
}
