/**
 * A text selection on the pdf.js text layer → an annotation position in PDF page space: one rect
 * per line (from the client rects of each selected text node), the quoted text, and the offset
 * of its first character in the page text (for the sort index). A selection spanning pages is
 * cut to the page where it starts.
 */
import { mergeLineRects, roundRect, v2pRect, type Rect, type ViewportLike } from './coordinates';

export interface SelectionPosition {
  pageIndex: number;
  rects: Rect[];
  text: string;
  offset: number;
}

export interface PageLookup {
  /** The page element containing `node`, with its index and current viewport. */
  pageOf(node: Node): { pageIndex: number; div: HTMLElement; viewport: ViewportLike } | null;
}

function textNodesIn(range: Range, root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n) && n.nodeValue) out.push(n as Text);
  }
  return out;
}

export function selectionToPosition(sel: Selection | null, pages: PageLookup): SelectionPosition | null {
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const page = pages.pageOf(range.startContainer) ?? pages.pageOf(range.endContainer);
  if (!page) return null;
  const textLayer = page.div.querySelector('.textLayer');
  if (!textLayer) return null;
  const nodes = textNodesIn(range, textLayer);
  if (!nodes.length) return null;
  const box = page.div.getBoundingClientRect();
  const ox = box.left + page.div.clientLeft;
  const oy = box.top + page.div.clientTop;
  const viewRects: Rect[] = [];
  let text = '';
  for (const n of nodes) {
    const r = document.createRange();
    const start = n === range.startContainer ? range.startOffset : 0;
    const end = n === range.endContainer ? range.endOffset : n.length;
    if (end <= start) continue;
    r.setStart(n, start);
    r.setEnd(n, end);
    for (const c of r.getClientRects()) viewRects.push([c.left - ox, c.top - oy, c.right - ox, c.bottom - oy]);
    text += n.data.slice(start, end) + (n.parentElement?.nextSibling?.nodeName === 'BR' ? ' ' : '');
  }
  const lines = mergeLineRects(viewRects);
  if (!lines.length) return null;
  // Offset of the first selected character in the page text.
  let offset = 0;
  const walker = document.createTreeWalker(textLayer, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && n !== nodes[0]; n = walker.nextNode()) offset += n.nodeValue?.length ?? 0;
  offset += nodes[0] === range.startContainer ? range.startOffset : 0;
  return {
    pageIndex: page.pageIndex,
    rects: lines.map((l) => roundRect(v2pRect(l, page.viewport))).sort((a, b) => b[3] - a[3]),
    text: text.replace(/\s+/g, ' ').trim(),
    offset,
  };
}
