/**
 * Text with inline TeX ($…$, \(…\)) rendered by KaTeX; everything else stays plain text. KaTeX
 * (and its CSS and fonts) is loaded on first use, so it does not slow the first paint of the list.
 */
import type KatexModule from 'katex';
import { memo, useEffect, useState } from 'react';

type Katex = typeof KatexModule;
const MATH = /\$([^$\n]{1,400}?)\$|\\\((.{1,400}?)\\\)/g;

let katexPromise: Promise<Katex> | null = null;
let katexLoaded: Katex | null = null;
function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => (katexLoaded = m.default));
  return katexPromise;
}

function render(katex: Katex, tex: string): string | null {
  try {
    return katex.renderToString(tex, { throwOnError: true, output: 'html', strict: 'ignore', trust: false });
  } catch {
    return null;
  }
}

/** arXiv abstracts keep TeX escapes in running text (`95.8\%`, `R\&D`): show the characters. */
export function plainTeX(text: string): string {
  return text.replace(/\\([%&_#{}$])/g, '$1');
}

export const MathText = memo(function MathText({ text }: { text: string }) {
  const hasMath = MATH.test(text);
  MATH.lastIndex = 0;
  const [katex, setKatex] = useState<Katex | null>(katexLoaded);
  useEffect(() => {
    if (hasMath && !katex) void loadKatex().then(setKatex);
  }, [hasMath, katex]);
  if (!hasMath || !katex) return <>{plainTeX(text)}</>;
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const html = render(katex, m[1] ?? m[2] ?? '');
    if (html === null) continue;
    if (m.index > last) out.push(plainTeX(text.slice(last, m.index)));
    out.push(<span key={m.index} className="math" dangerouslySetInnerHTML={{ __html: html }} />);
    last = m.index + m[0].length;
  }
  out.push(plainTeX(text.slice(last)));
  return <>{out}</>;
});
