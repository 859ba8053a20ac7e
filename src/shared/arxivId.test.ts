import { describe, expect, it } from 'vitest';
import { findArxivId, findDoi, formatArxivId, parseArxivId } from './arxivId';

describe('parseArxivId', () => {
  it.each([
    ['2604.11784', { id: '2604.11784', version: null }],
    ['2604.11784v2', { id: '2604.11784', version: 2 }],
    ['arXiv:2604.11784v3', { id: '2604.11784', version: 3 }],
    ['https://arxiv.org/abs/2604.11784v1', { id: '2604.11784', version: 1 }],
    ['http://arxiv.org/pdf/2604.11784v1.pdf', { id: '2604.11784', version: 1 }],
    ['0704.0001', { id: '0704.0001', version: null }],
    ['1412.9999v1', { id: '1412.9999', version: 1 }],
    ['hep-th/9901001', { id: 'hep-th/9901001', version: null }],
    ['math.GT/0309136v2', { id: 'math/0309136', version: 2 }],
    ['quant-ph/0201082v1', { id: 'quant-ph/0201082', version: 1 }],
    ['http://arxiv.org/abs/quant-ph/0201082v1', { id: 'quant-ph/0201082', version: 1 }],
  ])('accepts %s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    'abc',
    '0000.0000',
    '2613.00001', // month 13
    '0703.0001', // before the new scheme started (2007-04)
    '1501.0001', // 2015+ needs five digits
    '1412.00001', // before 2015: four digits
    '2604.11784v0',
    'hep-th/0801001', // old scheme ended 2007-03
    'hep-th/9001001', // before 1991-08
    'hep-th/9901000',
    '',
  ])('rejects %s', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it('formats with and without version', () => {
    expect(formatArxivId({ id: '2604.11784', version: 2 })).toBe('2604.11784v2');
    expect(formatArxivId({ id: 'hep-th/9901001', version: null })).toBe('hep-th/9901001');
  });
});

describe('findArxivId and findDoi in free text', () => {
  it('finds the id printed in a PDF margin', () => {
    expect(findArxivId('arXiv:2604.11784v2  [cs.CV]  13 Apr 2026')).toEqual({ id: '2604.11784', version: 2 });
  });
  it('finds old-style ids and URLs', () => {
    expect(findArxivId('see arXiv:hep-th/9901001 for details')).toEqual({ id: 'hep-th/9901001', version: null });
    expect(findArxivId('https://arxiv.org/abs/1706.03762v7')).toEqual({ id: '1706.03762', version: 7 });
  });
  it('ignores numbers that only look like ids', () => {
    expect(findArxivId('version 3.1415 of the code, 12.34567 seconds')).toBeNull();
  });
  it('finds a DOI', () => {
    expect(findDoi('Published as doi:10.1109/CVPR.2016.90.')).toBe('10.1109/CVPR.2016.90');
    expect(findDoi('no identifier here')).toBeNull();
  });
});
