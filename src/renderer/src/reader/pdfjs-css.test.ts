import { describe, expect, it } from 'vitest';
import { scopeSelector, splitSelectors } from './pdfjs-css';

describe('scoping pdf.js viewer CSS', () => {
  it('splits selector lists only on top-level commas', () => {
    expect(splitSelectors('.a .b,.c:is(.d, .e)::before, [data-x="1,2"]')).toEqual(['.a .b', '.c:is(.d, .e)::before', '[data-x="1,2"]']);
  });

  it('re-roots selectors under the reader, and :root variables onto it', () => {
    expect(scopeSelector('.sidebar')).toBe(':where(.reader) .sidebar');
    expect(scopeSelector(':root')).toBe('.reader');
    expect(scopeSelector(':root:has(.x)')).toBe('.reader:has(.x)');
    expect(scopeSelector('.textLayer ::selection')).toBe(':where(.reader) .textLayer ::selection');
  });
});
