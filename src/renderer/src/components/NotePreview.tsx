/**
 * The rendered note: GitHub-flavoured Markdown, `$…$` / `$$…$$` math with KaTeX, links. Links to
 * annotations (`papershelf://annotation/<id>`) stay in the app: they announce
 * `papershelf:open-annotation` for the reader to show it; web links open outside.
 */
import 'katex/dist/katex.min.css';
import type { ReactNode } from 'react';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { ANNOTATION_LINK_PREFIX } from '@shared/notesExport';

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins = [rehypeKatex];

function urlTransform(url: string): string {
  return url.startsWith(ANNOTATION_LINK_PREFIX) ? url : defaultUrlTransform(url);
}

function Link({ href, children }: { href?: string; children?: ReactNode }) {
  if (href?.startsWith(ANNOTATION_LINK_PREFIX)) {
    const id = href.slice(ANNOTATION_LINK_PREFIX.length);
    return (
      <a
        href={href}
        className="note-annotation-link"
        title="Show this annotation in the PDF"
        onClick={(e) => {
          e.preventDefault();
          window.dispatchEvent(new CustomEvent('papershelf:open-annotation', { detail: { id } }));
        }}
      >
        {children}
      </a>
    );
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

export function NotePreview({ body }: { body: string }) {
  if (!body.trim()) return <p className="note-preview__empty">Nothing written yet.</p>;
  return (
    <div className="note-preview" data-testid="note-preview">
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        urlTransform={urlTransform}
        components={{ a: Link }}
      >
        {body}
      </ReactMarkdown>
    </div>
  );
}
