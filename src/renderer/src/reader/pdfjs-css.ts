/**
 * pdf.js's viewer stylesheet, scoped to the reader. `pdf_viewer.css` also styles generic class
 * names (`.sidebar`, `.dialog`, `.selected`, `.hidden`, …) and sets variables on `:root`, which
 * would leak into the library window. Every selector is re-rooted under `:where(.reader)` (no
 * specificity added) and `:root` becomes `.reader`, through the CSSOM of a constructable sheet.
 */
import css from 'pdfjs-dist/web/pdf_viewer.css?inline';

const SCOPE = '.reader';

/** Split a selector list on top-level commas (not those inside `:is(…)` and the like). */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === quote && list[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

export function scopeSelector(sel: string, scope = SCOPE): string {
  if (sel.startsWith(':root')) return scope + sel.slice(5);
  if (/^(html|body)\b/.test(sel)) return scope + sel.replace(/^(html|body)/, '');
  return `:where(${scope}) ${sel}`;
}

function walk(rules: CSSRuleList): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule) {
      rule.selectorText = splitSelectors(rule.selectorText).map((s) => scopeSelector(s)).join(', ');
    } else if (rule instanceof CSSGroupingRule) {
      walk(rule.cssRules);
    }
  }
}

let installed = false;
export function installViewerCss(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  walk(sheet.cssRules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
