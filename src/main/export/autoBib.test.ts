import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core/createCore';
import { seedFixtures } from './testPapers';

let dir: string;
let core: Core;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  dir = mkdtempSync(join(tmpdir(), 'papershelf-autobib-'));
  core = createCore({ libraryDir: join(dir, 'lib'), transport: 'ipc', env: {} });
});
afterEach(async () => {
  await core.dispose();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('auto-export of a .bib file', () => {
  it('writes at once, then rewrites after changes settle, atomically, only when the text changes', async () => {
    const ids = seedFixtures(core.library.db);
    const file = join(dir, 'out', 'library.bib');
    const s = await core.handlers['export:autoBib:set']({ path: file, flavour: 'bibtex', charset: null, tag: null });
    expect(s.lastError).toBeNull();
    expect(readFileSync(file, 'utf8')).toContain('@misc{ingimundarson2026benchmarks,');

    await core.handlers['papers:setCitationKey']({ id: ids[1]!, key: 'IngimundarsonWho2026' });
    await core.handlers['papers:setStarred']({ ids: [ids[0]!], starred: true });
    expect(readFileSync(file, 'utf8')).not.toContain('IngimundarsonWho2026'); // debounced
    vi.advanceTimersByTime(1000);
    expect(readFileSync(file, 'utf8')).toContain('@misc{IngimundarsonWho2026,');
    expect(readdirSync(join(dir, 'out'))).toEqual(['library.bib']); // no temp files left

    const mtime = statSync(file).mtimeMs;
    core.events.emit('papers:changed', { ids: [ids[0]!] });
    vi.advanceTimersByTime(1000);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect((await core.handlers['export:autoBib:get']({})).path).toBe(file);
  });

  it('keeps a tag\'s papers only, and refuses relative paths or other extensions', async () => {
    seedFixtures(core.library.db);
    const file = join(dir, 'ml.bib');
    await core.handlers['export:autoBib:set']({ path: file, flavour: 'biblatex', charset: null, tag: 'ml' });
    expect(readFileSync(file, 'utf8').match(/^@online/gm)).toHaveLength(3);
    await expect(async () => core.handlers['export:autoBib:set']({ path: 'rel.bib', flavour: 'bibtex', charset: null, tag: null })).rejects.toThrow(/absolute path/);
    await expect(async () => core.handlers['export:autoBib:set']({ path: join(dir, 'x.txt'), flavour: 'bibtex', charset: null, tag: null })).rejects.toThrow(/\.bib/);
    expect((await core.handlers['export:autoBib:get']({})).path).toBe(file);
  });
});
