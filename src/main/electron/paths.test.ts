/** Where the desktop build finds its native parts: packaged under resources/, or in the checkout. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rankExtensionFileName } from '../db/rank/extension';
import { electronRankExtension } from './paths';

describe('electronRankExtension', () => {
  let resources: string;
  const saved = (process as { resourcesPath?: string }).resourcesPath;
  beforeEach(() => {
    resources = mkdtempSync(join(tmpdir(), 'papershelf-resources-'));
    (process as { resourcesPath?: string }).resourcesPath = resources;
  });
  afterEach(() => {
    (process as { resourcesPath?: string }).resourcesPath = saved;
    rmSync(resources, { recursive: true, force: true });
  });

  it('is resources/native/<file> in a packaged app, and null when the package lacks it', () => {
    expect(electronRankExtension(true, '/app/out/main')).toBeNull();
    mkdirSync(join(resources, 'native'));
    writeFileSync(join(resources, 'native', rankExtensionFileName()), '');
    expect(electronRankExtension(true, '/app/out/main')).toBe(join(resources, 'native', rankExtensionFileName()));
  });

  it('is the checkout build (native/sqlite/) in development', () => {
    const main = join(resources, 'out', 'main');
    mkdirSync(join(resources, 'native', 'sqlite'), { recursive: true });
    writeFileSync(join(resources, 'native', 'sqlite', rankExtensionFileName()), '');
    expect(electronRankExtension(false, main)).toBe(join(resources, 'native', 'sqlite', rankExtensionFileName()));
  });

  it('names the file for the platform', () => {
    expect([rankExtensionFileName('linux'), rankExtensionFileName('darwin'), rankExtensionFileName('win32')]).toEqual([
      'papershelf_rank.so',
      'papershelf_rank.dylib',
      'papershelf_rank.dll',
    ]);
  });
});
