/**
 * Zotero's PDF sort index (`src/pdf/selection.js` getSortIndex): `PPPPP|OOOOOO|TTTTT` — page index,
 * offset of the closest character in the page text, and the distance from the page top in points,
 * each zero-padded so that sorting the strings sorts annotations in reading order.
 */
import { boundingRect } from './coordinates';

const pad = (n: number, width: number) => String(Math.max(0, Math.floor(n))).slice(0, width).padStart(width, '0');

export function sortIndex(pageIndex: number, offset: number, top: number): string {
  return [pad(pageIndex, 5), pad(offset, 6), pad(top, 5)].join('|');
}

/** The part of a pdf.js text item this module needs. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Offset (in characters of the page text) of the character nearest the rect's top-left corner;
 * estimated within an item by its width, which is enough for ordering.
 */
export function closestOffset(items: readonly TextItemLike[], rect: readonly number[]): number {
  const x = rect[0]!;
  const y = rect[3]!;
  let best = 0;
  let bestDist = Infinity;
  let offset = 0;
  for (const it of items) {
    const ix = it.transform[4] ?? 0;
    const iy = it.transform[5] ?? 0;
    const w = it.width || 1;
    const h = it.height || 1;
    const dx = x < ix ? ix - x : x > ix + w ? x - ix - w : 0;
    const dy = y < iy ? iy - y : y > iy + h ? y - iy - h : 0;
    const dist = dx * dx + dy * dy;
    if (dist < bestDist) {
      bestDist = dist;
      const frac = Math.min(1, Math.max(0, (x - ix) / w));
      best = offset + Math.floor(frac * it.str.length);
    }
    offset += it.str.length;
  }
  return best;
}

/** The sort index of a position; `viewBox` is the page's `[x1, y1, x2, y2]` in points. */
export function getSortIndex(
  position: { pageIndex: number; rects: readonly (readonly number[])[] },
  viewBox: readonly number[],
  items: readonly TextItemLike[] = [],
  offset?: number,
): string {
  const rect = boundingRect(position.rects);
  const top = viewBox[3]! - rect[3];
  return sortIndex(position.pageIndex, offset ?? closestOffset(items, rect), top < 0 ? 0 : top);
}
