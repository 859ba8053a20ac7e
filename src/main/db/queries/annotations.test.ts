import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../../shared/annotations';
import { openMemoryLibrary, type Library } from '../client';
import { insertPaper } from '../../reader/attachPdf';
import {
  deleteAnnotations,
  getReadingPosition,
  listAnnotations,
  saveAnnotations,
  saveReadingPosition,
} from './annotations';

let lib: Library;
let paperId: number;

const highlight = (over: Partial<AnnotationInput> = {}): AnnotationInput => ({
  id: 'a1',
  paperId,
  kind: 'highlight',
  color: '#ffd400',
  pageIndex: 0,
  rects: [[72, 700, 300, 712]],
  text: 'Attention is all you need',
  comment: 'the key claim',
  tags: ['transformers'],
  sortIndex: '00000|000010|00080',
  ...over,
});

beforeEach(() => {
  lib = openMemoryLibrary();
  paperId = insertPaper(lib.db, 'A paper');
});
afterEach(() => lib.close());

describe('annotations', () => {
  it('are listed in sort-index order, whatever the order they were made', () => {
    saveAnnotations(lib.db, [
      highlight({ id: 'late', sortIndex: '00002|000000|00010' }),
      highlight({ id: 'early', sortIndex: '00000|000003|00500' }),
      highlight({ id: 'mid', sortIndex: '00000|000100|00020' }),
    ]);
    expect(listAnnotations(lib.db, paperId).map((a) => a.id)).toEqual(['early', 'mid', 'late']);
  });

  it('round-trip every field in PDF page space', () => {
    saveAnnotations(lib.db, [highlight()]);
    const [a] = listAnnotations(lib.db, paperId);
    expect(a).toMatchObject({
      id: 'a1',
      kind: 'highlight',
      color: '#ffd400',
      pageIndex: 0,
      rects: [[72, 700, 300, 712]],
      text: 'Attention is all you need',
      comment: 'the key claim',
      tags: ['transformers'],
      sortIndex: '00000|000010|00080',
    });
  });

  it('changing the colour keeps the comment and tags', () => {
    saveAnnotations(lib.db, [highlight()]);
    saveAnnotations(lib.db, [{ id: 'a1', paperId, color: '#ff6666' }]);
    const [a] = listAnnotations(lib.db, paperId);
    expect(a).toMatchObject({ color: '#ff6666', comment: 'the key claim', tags: ['transformers'], text: 'Attention is all you need' });
  });

  it('moving or resizing an area keeps its comment', () => {
    saveAnnotations(lib.db, [highlight({ id: 'area', kind: 'area', text: null, comment: 'figure 2 is wrong' })]);
    saveAnnotations(lib.db, [{ id: 'area', paperId, rects: [[100, 100, 400, 300]], sortIndex: '00000|000000|00492' }]);
    const [a] = listAnnotations(lib.db, paperId);
    expect(a).toMatchObject({ rects: [[100, 100, 400, 300]], comment: 'figure 2 is wrong', sortIndex: '00000|000000|00492' });
  });

  it('a stale save (older updatedAt) does not overwrite a newer one', () => {
    saveAnnotations(lib.db, [highlight({ updatedAt: '2026-01-02T00:00:00.000Z' })]);
    saveAnnotations(lib.db, [{ id: 'a1', paperId, comment: 'old', updatedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(listAnnotations(lib.db, paperId)[0]!.comment).toBe('the key claim');
  });

  it('an incomplete new annotation is refused and nothing of the batch is written', () => {
    expect(() => saveAnnotations(lib.db, [highlight({ id: 'ok' }), { id: 'partial', paperId, color: '#ff6666' }])).toThrow(
      /lacks kind, pageIndex, rects, sortIndex/,
    );
    expect(listAnnotations(lib.db, paperId)).toEqual([]);
  });

  it('cannot move an annotation to another paper', () => {
    const other = insertPaper(lib.db, 'Other');
    saveAnnotations(lib.db, [highlight()]);
    expect(() => saveAnnotations(lib.db, [{ id: 'a1', paperId: other, color: '#ff6666' }])).toThrow(/another paper/);
  });

  it('delete removes them', () => {
    saveAnnotations(lib.db, [highlight(), highlight({ id: 'a2' })]);
    expect(deleteAnnotations(lib.db, ['a1', 'missing'])).toBe(1);
    expect(listAnnotations(lib.db, paperId).map((a) => a.id)).toEqual(['a2']);
  });

  it('text and comments are found by the library search, and leave it when deleted', () => {
    const search = (q: string) =>
      lib.sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?').all(q) as { rowid: number }[];
    saveAnnotations(lib.db, [highlight({ text: 'quixotic gradients', comment: null })]);
    expect(search('quixotic')).toEqual([{ rowid: paperId }]);
    saveAnnotations(lib.db, [{ id: 'a1', paperId, comment: 'serendipitous finding' }]);
    expect(search('serendipitous')).toEqual([{ rowid: paperId }]);
    deleteAnnotations(lib.db, ['a1']);
    expect(search('quixotic')).toEqual([]);
  });
});

describe('reading positions', () => {
  it('remember the last page and zoom', () => {
    expect(getReadingPosition(lib.db, paperId)).toBeNull();
    saveReadingPosition(lib.db, paperId, { pageIndex: 4, scale: '1.5', top: 320 });
    saveReadingPosition(lib.db, paperId, { pageIndex: 7, scale: 'page-fit', top: null });
    expect(getReadingPosition(lib.db, paperId)).toEqual({ pageIndex: 7, scale: 'page-fit', top: null });
  });
});
