/**
 * PDF page space ⇄ view space, through the pdf.js viewport only (Zotero `coordinates.js`):
 * annotations are stored as `[x1, y1, x2, y2]` in PDF points (origin bottom-left) and converted
 * when drawn, so they sit on the same words at every zoom and rotation.
 */

/** The part of pdf.js's PageViewport this module uses. */
export interface ViewportLike {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
  convertToPdfPoint(x: number, y: number): number[];
}

export type Rect = [number, number, number, number];

function normalize(x1: number, y1: number, x2: number, y2: number): Rect {
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** A PDF-space rect to a view-space rect (CSS pixels, origin top-left). */
export function p2vRect(rect: readonly number[], viewport: ViewportLike): Rect {
  const [ax, ay] = viewport.convertToViewportPoint(rect[0]!, rect[1]!);
  const [bx, by] = viewport.convertToViewportPoint(rect[2]!, rect[3]!);
  return normalize(ax!, ay!, bx!, by!);
}

/** A view-space rect to a PDF-space rect. */
export function v2pRect(rect: readonly number[], viewport: ViewportLike): Rect {
  const [ax, ay] = viewport.convertToPdfPoint(rect[0]!, rect[1]!);
  const [bx, by] = viewport.convertToPdfPoint(rect[2]!, rect[3]!);
  return normalize(ax!, ay!, bx!, by!);
}

export function p2v(position: { pageIndex: number; rects: readonly (readonly number[])[] }, viewport: ViewportLike) {
  return { pageIndex: position.pageIndex, rects: position.rects.map((r) => p2vRect(r, viewport)) };
}

export function v2p(position: { pageIndex: number; rects: readonly (readonly number[])[] }, viewport: ViewportLike) {
  return { pageIndex: position.pageIndex, rects: position.rects.map((r) => v2pRect(r, viewport)) };
}

/**
 * A PDF-space rect as percentages of the page box, for CSS `left/top/width/height: %`: boxes
 * then follow the page through pdf.js's zoom without being recomputed.
 */
export function p2percent(rect: readonly number[], viewport: ViewportLike) {
  const [x1, y1, x2, y2] = p2vRect(rect, viewport);
  return {
    left: (x1 / viewport.width) * 100,
    top: (y1 / viewport.height) * 100,
    width: ((x2 - x1) / viewport.width) * 100,
    height: ((y2 - y1) / viewport.height) * 100,
  };
}

export function boundingRect(rects: readonly (readonly number[])[]): Rect {
  return [
    Math.min(...rects.map((r) => r[0]!)),
    Math.min(...rects.map((r) => r[1]!)),
    Math.max(...rects.map((r) => r[2]!)),
    Math.max(...rects.map((r) => r[3]!)),
  ];
}

/** Rounded to 1/1000 pt, as Zotero stores them. */
export function roundRect(r: readonly number[]): Rect {
  const q = (n: number) => Math.round(n * 1000) / 1000;
  return [q(r[0]!), q(r[1]!), q(r[2]!), q(r[3]!)];
}

/**
 * Client rects of one selection (view space, one per text fragment) merged into one rect per line:
 * fragments whose vertical extents mostly overlap join; the order is top to bottom.
 */
export function mergeLineRects(rects: readonly Rect[]): Rect[] {
  const lines: Rect[] = [];
  const sorted = rects.filter((r) => r[2] - r[0] > 0.5 && r[3] - r[1] > 0.5).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const r of sorted) {
    const line = lines.find((l) => {
      const overlap = Math.min(l[3], r[3]) - Math.max(l[1], r[1]);
      return overlap > 0.5 * Math.min(l[3] - l[1], r[3] - r[1]);
    });
    if (line) {
      line[0] = Math.min(line[0], r[0]);
      line[1] = Math.min(line[1], r[1]);
      line[2] = Math.max(line[2], r[2]);
      line[3] = Math.max(line[3], r[3]);
    } else lines.push([...r]);
  }
  return lines;
}
