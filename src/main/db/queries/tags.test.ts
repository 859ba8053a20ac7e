import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openMemoryLibrary, type Library } from '../client';
import { addTags, createTag, deleteTag, findTagByPath, listTags, mergeTags, removeTags, renameTag, setTagColor } from './tags';
import { seedPapers } from './testSeed';

let lib: Library;
let ids: number[];
const counts = () => Object.fromEntries(listTags(lib.db).map((t) => [t.path, [t.own, t.total]]));
const tagId = (path: string) => findTagByPath(lib.db, path)!.id;
const tagsOf = (paperId: number) =>
  (lib.sqlite.prepare('SELECT t.path FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ? ORDER BY t.path').all(paperId) as { path: string }[]).map((r) => r.path);

beforeEach(() => {
  lib = openMemoryLibrary();
  ids = seedPapers(lib.db, Array.from({ length: 5 }, (_, i) => ({ arxivId: `2401.0000${i + 1}`, title: `Paper ${i + 1}` })));
});
afterEach(() => lib.close());

describe('tag hierarchy', () => {
  it('creates parents for a nested path, and counts include children without double counting', () => {
    addTags(lib.db, [ids[0]!, ids[1]!], ['ml/rl']);
    addTags(lib.db, [ids[1]!, ids[2]!], ['ml']);
    addTags(lib.db, [ids[3]!], ['ml/vision/3d']);
    expect(counts()).toEqual({ ml: [2, 4], 'ml/rl': [2, 2], 'ml/vision': [0, 1], 'ml/vision/3d': [1, 1] });
    const rl = listTags(lib.db).find((t) => t.path === 'ml/rl')!;
    expect(rl.parentId).toBe(tagId('ml'));
    expect(rl.name).toBe('rl');
  });

  it('tags are unique case-insensitively and paths are normalised', () => {
    createTag(lib.db, ' Reading  group / week 1 ');
    expect(findTagByPath(lib.db, 'reading group/WEEK 1')?.path).toBe('Reading group/week 1');
    expect(() => createTag(lib.db, 'READING GROUP')).toThrow(AppError);
    expect(() => createTag(lib.db, ' / ')).toThrow(/needs a name/);
  });

  it('new tags get a colour; colour can be changed and cleared', () => {
    const t = createTag(lib.db, 'physics');
    expect(t.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(setTagColor(lib.db, t.id, '#112233').color).toBe('#112233');
    expect(setTagColor(lib.db, t.id, null).color).toBeNull();
  });
});

describe('bulk add and remove', () => {
  it('adding twice changes nothing the second time; removing only touches the given papers', () => {
    expect(addTags(lib.db, ids, ['todo'])).toBe(5);
    expect(addTags(lib.db, ids, ['todo'])).toBe(0);
    expect(removeTags(lib.db, [ids[0]!, ids[1]!], [tagId('todo')])).toBe(2);
    expect(counts().todo).toEqual([3, 3]);
  });
});

describe('rename', () => {
  it('moves the whole subtree and keeps papers', () => {
    addTags(lib.db, [ids[0]!], ['ml/rl/offline']);
    addTags(lib.db, [ids[1]!], ['ml/rl']);
    renameTag(lib.db, tagId('ml/rl'), 'reinforcement');
    expect(tagsOf(ids[0]!)).toEqual(['reinforcement/offline']);
    expect(tagsOf(ids[1]!)).toEqual(['reinforcement']);
    expect(findTagByPath(lib.db, 'reinforcement/offline')!.parent_id).toBe(tagId('reinforcement'));
    expect(counts().ml).toEqual([0, 0]);
  });

  it('can move a tag under a new parent and change only case', () => {
    addTags(lib.db, [ids[0]!], ['nlp']);
    renameTag(lib.db, tagId('nlp'), 'ml/nlp');
    expect(counts()['ml']).toEqual([0, 1]);
    renameTag(lib.db, tagId('ml/nlp'), 'ml/NLP');
    expect(tagsOf(ids[0]!)).toEqual(['ml/NLP']);
  });

  it('refuses a name that exists (suggesting merge) or moving under itself', () => {
    addTags(lib.db, [ids[0]!], ['a', 'b', 'a/c']);
    expect(() => renameTag(lib.db, tagId('a'), 'B')).toThrow(/merge/);
    expect(() => renameTag(lib.db, tagId('a'), 'a/c/d')).toThrow(/under itself/);
    expect(tagsOf(ids[0]!)).toEqual(['a', 'a/c', 'b']);
  });
});

describe('merge', () => {
  it('moves papers and children into the target, merging same-named children', () => {
    addTags(lib.db, [ids[0]!, ids[1]!], ['deep-learning']);
    addTags(lib.db, [ids[1]!, ids[2]!], ['dl']);
    addTags(lib.db, [ids[3]!], ['dl/vision']);
    addTags(lib.db, [ids[4]!], ['dl/audio', 'deep-learning/audio']);
    expect(mergeTags(lib.db, tagId('dl'), tagId('deep-learning'))).toEqual({ papers: 4 });
    expect(findTagByPath(lib.db, 'dl')).toBeUndefined();
    expect(counts()).toEqual({
      'deep-learning': [3, 5],
      'deep-learning/audio': [1, 1],
      'deep-learning/vision': [1, 1],
    });
  });

  it('refuses to merge into itself or its own child', () => {
    addTags(lib.db, [ids[0]!], ['x/y']);
    expect(() => mergeTags(lib.db, tagId('x'), tagId('x'))).toThrow(AppError);
    expect(() => mergeTags(lib.db, tagId('x'), tagId('x/y'))).toThrow(/own child/);
  });
});

describe('delete', () => {
  it('says how many papers it affected and removes children, never papers', () => {
    addTags(lib.db, [ids[0]!, ids[1]!], ['old']);
    addTags(lib.db, [ids[1]!, ids[2]!], ['old/sub']);
    expect(deleteTag(lib.db, tagId('old'))).toEqual({ papers: 3, tags: 2 });
    expect(listTags(lib.db)).toEqual([]);
    expect((lib.sqlite.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n).toBe(5);
  });
});
