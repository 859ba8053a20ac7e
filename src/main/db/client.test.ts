import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLibraryDir, xdgDataHome } from '../library/home';
import { openLibrary } from './client';

const tmp = () => mkdtempSync(join(tmpdir(), 'papershelf-client-'));
const ROOT = resolve(import.meta.dirname, '../../..');

describe('the library folder', () => {
  it('is --library, else PAPERSHELF_HOME, else the host default, else XDG data', () => {
    expect(resolveLibraryDir({ explicit: '/a', env: { PAPERSHELF_HOME: '/b' }, hostDefault: '/c' })).toBe('/a');
    expect(resolveLibraryDir({ env: { PAPERSHELF_HOME: '/b' }, hostDefault: '/c' })).toBe('/b');
    expect(resolveLibraryDir({ env: {}, hostDefault: '/c' })).toBe('/c');
    expect(resolveLibraryDir({ env: { XDG_DATA_HOME: '/x' } })).toBe('/x/papershelf');
    expect(xdgDataHome({ HOME: '/home/u' })).toMatch(/\.local\/share\/papershelf$/);
  });

  it('holds library.sqlite and pdfs/, in WAL mode with foreign keys on', () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    expect(lib.sqlite.name).toBe(join(dir, 'library.sqlite'));
    expect(lib.pdfDir).toBe(join(dir, 'pdfs'));
    expect(lib.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    lib.close();
  });

  it('a second process that opens the same library gets a clear error and the file stays intact', () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    lib.sqlite.prepare(`INSERT INTO papers (title) VALUES ('kept')`).run();
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/main/cli/index.ts'), '--library', dir, 'list'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/in use by another Papershelf process/);
    expect(lib.sqlite.prepare('SELECT title FROM papers').all()).toEqual([{ title: 'kept' }]);
    expect(lib.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    lib.close();
    const again = openLibrary(dir);
    expect(again.sqlite.prepare('SELECT title FROM papers').all()).toEqual([{ title: 'kept' }]);
    again.close();
  });

  it('a file that is not a database gives a clear error and is left as it was', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'library.sqlite'), 'this is not sqlite');
    expect(() => openLibrary(dir)).toThrow(/is damaged: file is not a database/);
    expect(readFileSync(join(dir, 'library.sqlite'), 'utf8')).toBe('this is not sqlite');
  });
});
