/**
 * Drawing annotations over pdf.js pages. Each rendered page gets one `.ps-annotations` layer
 * (pdf.js removes it when it resets a page; the engine adds it back on `pagerender[ed]`). Boxes are
 * placed in percentages of the page computed from PDF points through the page's viewport, so they
 * follow zoom without being redrawn.
 */
import type { Annotation } from '@shared/annotations';
import { boundingRect, p2percent, type ViewportLike } from './coordinates';

export const LAYER_CLASS = 'ps-annotations';
/** A note's box in PDF points. */
export const NOTE_SIZE = 22;

function box(el: HTMLElement, rect: readonly number[], viewport: ViewportLike): HTMLElement {
  const p = p2percent(rect, viewport);
  el.style.left = `${p.left}%`;
  el.style.top = `${p.top}%`;
  el.style.width = `${p.width}%`;
  el.style.height = `${p.height}%`;
  return el;
}

function div(className: string, a: Annotation): HTMLDivElement {
  const d = document.createElement('div');
  d.className = className;
  d.dataset.annotationId = a.id;
  d.style.setProperty('--ann-color', a.color);
  return d;
}

const NOTE_SVG =
  '<svg viewBox="0 0 24 24" width="70%" height="70%" aria-hidden="true"><path fill="currentColor" d="M4 3h16a1 1 0 0 1 1 1v11.6L15.6 21H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm11 16.2 4.2-4.2H15v4.2zM7 8h10v1.6H7zm0 3.5h10v1.6H7zm0 3.5h5v1.6H7z"/></svg>';

export function ensureLayer(pageDiv: HTMLElement): HTMLElement {
  let layer = pageDiv.querySelector<HTMLElement>(`:scope > .${LAYER_CLASS}`);
  if (!layer) {
    layer = document.createElement('div');
    layer.className = LAYER_CLASS;
    pageDiv.append(layer);
  }
  return layer;
}

export function renderLayer(layer: HTMLElement, annotations: readonly Annotation[], viewport: ViewportLike, selectedId: string | null): void {
  const frag = document.createDocumentFragment();
  for (const a of annotations) {
    const selected = a.id === selectedId;
    if (a.kind === 'highlight' || a.kind === 'underline') {
      for (const r of a.rects) frag.append(box(div(`ps-${a.kind}`, a), r, viewport));
    } else if (a.kind === 'note') {
      const n = box(div('ps-note', a), a.rects[0]!, viewport);
      n.innerHTML = NOTE_SVG;
      n.setAttribute('role', 'button');
      n.setAttribute('aria-label', `Note${a.comment ? `: ${a.comment.slice(0, 80)}` : ''}`);
      frag.append(n);
    } else {
      const el = box(div('ps-area', a), a.rects[0]!, viewport);
      el.setAttribute('aria-label', 'Area annotation');
      if (selected) {
        const h = document.createElement('div');
        h.className = 'ps-area__handle';
        h.dataset.handle = 'resize';
        el.append(h);
      }
      frag.append(el);
    }
    if (selected) {
      const s = box(div('ps-selected', a), boundingRect(a.rects), viewport);
      frag.append(s);
    }
  }
  layer.replaceChildren(frag);
}

/** Which annotation's rects contain the PDF point (x, y)? Topmost (last drawn) first. */
export function hitTest(annotations: readonly Annotation[], x: number, y: number, slop = 1): Annotation | null {
  for (let i = annotations.length - 1; i >= 0; i--) {
    const a = annotations[i]!;
    for (const r of a.rects) {
      if (x >= r[0]! - slop && x <= r[2]! + slop && y >= r[1]! - slop && y <= r[3]! + slop) return a;
    }
  }
  return null;
}
