/** Text with inline TeX ($…$, \(…\)) rendered by KaTeX; everything else stays plain text. */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo } from 'react';

const MATH = /\$([^$\n]{1,400}?)\$|\\\((.{1,400}?)\\\)/g;

function render(tex: string): string | null {
  try {
    return katex.renderToString(tex, { throwOnError: true, output: 'html', strict: 'ignore', trust: false });
  } catch {
    return null;
  }
}

export const MathText = memo(function MathText({ text }: { text: string }) {
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const tex = m[1] ?? m[2] ?? '';
    const html = render(tex);
    if (html === null) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(<span key={m.index} className="math" dangerouslySetInnerHTML={{ __html: html }} />);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return <>{out}</>;
});
