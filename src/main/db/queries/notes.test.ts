import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../client';
import { upsertListings } from '../../library/listings';
import { setCitationKey } from './citationKeys';
import { getNote, listNotes, saveNote } from './notes';

let lib: Library;
let ids: number[];
beforeEach(() => {
  lib = openMemoryLibrary();
  ids = upsertListings(
    lib.db,
    ['First Paper', 'Second Paper', 'Third Paper'].map((title, i) => ({
      arxivId: `2501.0000${i + 1}`,
      version: 1,
      title,
      abstract: null,
      authors: [{ name: 'Ada Lovelace' }],
      publishedAt: '2025-01-01',
      authoritative: true,
    })),
    { sourceKey: 'test' },
  ).ids;
});
afterEach(() => lib.close());

describe('notes', () => {
  it('a paper without a note has an empty one; saving creates and then updates it', () => {
    expect(getNote(lib.db, ids[0]!)).toEqual({ paperId: ids[0], body: '', updatedAt: null });
    const a = saveNote(lib.db, ids[0]!, '# Idea', null);
    expect(a.replaced).toBeNull();
    const b = saveNote(lib.db, ids[0]!, '# Idea\n\nMore', a.updatedAt);
    expect(b.updatedAt > a.updatedAt).toBe(true);
    expect(getNote(lib.db, ids[0]!)).toEqual({ paperId: ids[0], body: '# Idea\n\nMore', updatedAt: b.updatedAt });
  });

  it('last write wins, but the text it replaced comes back so nothing typed is lost', () => {
    const first = saveNote(lib.db, ids[0]!, 'window A', null);
    // Window B saves on top of the same base.
    saveNote(lib.db, ids[0]!, 'window B', first.updatedAt);
    // Window A, still on the old base, saves again: its text wins, B's text is handed back.
    const again = saveNote(lib.db, ids[0]!, 'window A, more', first.updatedAt);
    expect(again.replaced).toBe('window B');
    expect(getNote(lib.db, ids[0]!).body).toBe('window A, more');
  });

  it('unknown papers are not-found', () => {
    expect(() => saveNote(lib.db, 9999, 'x')).toThrow(/No paper with id 9999/);
    expect(() => getNote(lib.db, 9999)).toThrow(/No paper/);
  });

  it('lists papers with notes, most recently edited first, and notes are searchable', () => {
    saveNote(lib.db, ids[0]!, 'about transformers');
    saveNote(lib.db, ids[1]!, 'about diffusion');
    saveNote(lib.db, ids[2]!, '   ');
    saveNote(lib.db, ids[0]!, 'about transformers, edited');
    expect(listNotes(lib.db).map((n) => n.title)).toEqual(['First Paper', 'Second Paper']);
    const hits = lib.db.$client.prepare(`SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'diffusion'`).all() as { rowid: number }[];
    expect(hits.map((h) => h.rowid)).toEqual([ids[1]]);
  });
});

describe('editing citation keys', () => {
  it('sets a new key and refuses one used by another paper, case-insensitively, naming it', () => {
    expect(setCitationKey(lib.db, ids[0]!, 'lovelace:first')).toEqual({ citationKey: 'lovelace:first', changed: true });
    expect(() => setCitationKey(lib.db, ids[1]!, 'Lovelace:First')).toThrow('The citation key "lovelace:first" is already used by "First Paper".');
    expect(() => setCitationKey(lib.db, ids[1]!, 'has space')).toThrow(/not a usable citation key/);
    expect(() => setCitationKey(lib.db, ids[1]!, 'brace{')).toThrow(/not a usable citation key/);
    expect(setCitationKey(lib.db, ids[0]!, 'lovelace:first').changed).toBe(false);
  });
});
