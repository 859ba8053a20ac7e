import { describe, expect, it } from 'vitest';
import { mergeLineRects, p2percent, p2vRect, v2pRect, type ViewportLike } from './coordinates';
import { closestOffset, getSortIndex, sortIndex } from './sort-index';

/** pdf.js's viewport for an unrotated US-letter page at `scale` (y flipped). */
function viewport(scale: number): ViewportLike {
  return {
    width: 612 * scale,
    height: 792 * scale,
    convertToViewportPoint: (x, y) => [x * scale, (792 - y) * scale],
    convertToPdfPoint: (x, y) => [x / scale, 792 - y / scale],
  };
}

describe('coordinates', () => {
  it('convert PDF points to view pixels and back at any zoom', () => {
    const r = [72, 700, 300, 712];
    for (const s of [0.5, 1, 1.5, 3]) {
      const v = p2vRect(r, viewport(s));
      expect(v).toEqual([72 * s, 80 * s, 300 * s, 92 * s]);
      expect(v2pRect(v, viewport(s)).map((n) => Math.round(n * 1000) / 1000)).toEqual(r);
    }
  });

  it('percentages do not depend on the zoom', () => {
    expect(p2percent([61.2, 396, 306, 792], viewport(1))).toEqual(p2percent([61.2, 396, 306, 792], viewport(2.5)));
    expect(p2percent([61.2, 396, 306, 792], viewport(1))).toEqual({ left: 10, top: 0, width: 40, height: 50 });
  });

  it('merge fragments of a selection into one rect per line', () => {
    expect(
      mergeLineRects([
        [10, 100, 50, 112],
        [50, 101, 90, 112],
        [10, 120, 80, 132],
        [5, 5, 5, 5],
      ]),
    ).toEqual([
      [10, 100, 90, 112],
      [10, 120, 80, 132],
    ]);
  });
});

describe('sort index', () => {
  it('is zero-padded PPPPP|OOOOOO|TTTTT', () => {
    expect(sortIndex(3, 1132, 451.7)).toBe('00003|001132|00451');
  });

  it('measures top from the page top and the offset of the nearest character', () => {
    const items = [
      { str: 'Hello ', transform: [1, 0, 0, 1, 72, 700], width: 60, height: 12 },
      { str: 'world', transform: [1, 0, 0, 1, 72, 680], width: 50, height: 12 },
    ];
    expect(closestOffset(items, [72, 680, 120, 692])).toBe(6);
    expect(getSortIndex({ pageIndex: 0, rects: [[72, 680, 120, 692]] }, [0, 0, 612, 792], items)).toBe('00000|000006|00100');
  });
});
