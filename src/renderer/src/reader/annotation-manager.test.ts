import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, AnnotationInput } from '@shared/annotations';
import { AnnotationManager, type NewAnnotation } from './annotation-manager';

const base: NewAnnotation = {
  kind: 'highlight',
  color: '#ffd400',
  pageIndex: 0,
  rects: [[10, 10, 100, 20]],
  sortIndex: '00000|000001|00010',
  text: 'words',
};

let saves: AnnotationInput[][];
let deletes: string[][];
let n = 0;
function make(opts: { annotations?: Annotation[]; failOnce?: boolean } = {}) {
  let fail = opts.failOnce ?? false;
  return new AnnotationManager({
    paperId: 1,
    pdfSha256: 'abc',
    annotations: opts.annotations ?? [],
    onSave: (list) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('offline'));
      }
      saves.push(list);
      return Promise.resolve();
    },
    onDelete: (ids) => {
      deletes.push(ids);
      return Promise.resolve();
    },
    newId: () => `id${++n}`,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  saves = [];
  deletes = [];
  n = 0;
});
afterEach(() => vi.useRealTimers());

describe('AnnotationManager', () => {
  it('saves a new annotation at once, whole', async () => {
    const m = make();
    const a = m.add(base);
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(1);
    expect(saves[0]![0]).toMatchObject({ id: a.id, paperId: 1, kind: 'highlight', rects: [[10, 10, 100, 20]], text: 'words' });
    expect(m.status).toBe('saved');
  });

  it('debounces changes by a second and sends only the changed fields', async () => {
    const m = make();
    const a = m.add(base);
    await vi.advanceTimersByTimeAsync(0);
    m.update(a.id, { comment: 'first' });
    await vi.advanceTimersByTimeAsync(500);
    m.update(a.id, { color: '#ff6666' });
    await vi.advanceTimersByTimeAsync(900);
    expect(saves).toHaveLength(1);
    expect(m.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(saves).toHaveLength(2);
    const { updatedAt, ...patch } = saves[1]![0]!;
    expect(patch).toEqual({ id: a.id, paperId: 1, comment: 'first', color: '#ff6666' });
    expect(updatedAt).toBeTruthy();
  });

  it('never holds a change longer than the maximum wait', async () => {
    const m = make();
    const a = m.add(base);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 30; i++) {
      m.update(a.id, { comment: `typing ${i}` });
      await vi.advanceTimersByTimeAsync(500);
    }
    // 15 s of continuous typing: the 10 s cap fired once already.
    expect(saves.length).toBeGreaterThanOrEqual(2);
  });

  it('changing the colour never sends (or loses) the comment', async () => {
    const m = make();
    const a = m.add({ ...base, comment: 'keep me' });
    await vi.advanceTimersByTimeAsync(0);
    m.update(a.id, { color: '#5fb236' });
    await m.flush();
    expect(saves[1]![0]).not.toHaveProperty('comment');
    expect(m.get(a.id)).toMatchObject({ color: '#5fb236', comment: 'keep me' });
  });

  it('flush sends everything pending at once (tab close)', async () => {
    const m = make();
    const a = m.add(base);
    await vi.advanceTimersByTimeAsync(0);
    m.update(a.id, { comment: 'late' });
    await m.flush({ keepalive: true });
    expect(saves[1]![0]).toMatchObject({ comment: 'late' });
  });

  it('delete is immediate and undo brings the annotation back whole', async () => {
    const m = make();
    const a = m.add({ ...base, comment: 'precious' });
    await vi.advanceTimersByTimeAsync(0);
    m.delete([a.id]);
    await vi.advanceTimersByTimeAsync(0);
    expect(deletes).toEqual([[a.id]]);
    expect(m.list()).toEqual([]);
    m.undo();
    await vi.advanceTimersByTimeAsync(0);
    expect(m.get(a.id)).toMatchObject({ comment: 'precious', text: 'words' });
    expect(saves.at(-1)![0]).toMatchObject({ id: a.id, comment: 'precious', kind: 'highlight' });
    m.redo();
    await vi.advanceTimersByTimeAsync(0);
    expect(m.get(a.id)).toBeUndefined();
    expect(deletes).toHaveLength(2);
  });

  it('undo and redo a colour change', async () => {
    const m = make();
    const a = m.add(base);
    m.update(a.id, { color: '#2ea8e5' });
    m.undo();
    expect(m.get(a.id)!.color).toBe('#ffd400');
    m.redo();
    expect(m.get(a.id)!.color).toBe('#2ea8e5');
    expect(m.canRedo).toBe(false);
  });

  it('a quick add-then-delete never writes to the database', async () => {
    const m = make();
    const a = m.add(base);
    m.delete([a.id]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([]);
    expect(deletes).toEqual([]);
  });

  it('keeps a failed save and retries it', async () => {
    const m = make({ failOnce: true });
    m.add(base);
    await vi.advanceTimersByTimeAsync(0);
    expect(m.status).toBe('error');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(1);
    expect(m.status).toBe('saved');
  });

  it('lists in sort-index order', () => {
    const m = make();
    m.add({ ...base, sortIndex: '00003|000000|00000' });
    m.add({ ...base, sortIndex: '00000|000500|00000' });
    m.add({ ...base, sortIndex: '00001|000000|00700' });
    expect(m.list().map((a) => a.sortIndex)).toEqual(['00000|000500|00000', '00001|000000|00700', '00003|000000|00000']);
  });
});
