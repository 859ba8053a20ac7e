/** Where the desktop build finds its native parts: packaged under resources/, or in the checkout. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkoutRankExtension, rankExtensionFileName } from '../db/rank/extension';
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
    expect(electronRankExtension(true)).toBeNull();
    mkdirSync(join(resources, 'native'));
    writeFileSync(join(resources, 'native', rankExtensionFileName()), '');
    expect(electronRankExtension(true)).toBe(join(resources, 'native', rankExtensionFileName()));
  });

  it('leaves development to openLibrary’s default, the checkout build', () => {
    expect(electronRankExtension(false)).toBeUndefined();
    expect(checkoutRankExtension(join('/src/papershelf', 'drizzle'))).toBe(join('/src/papershelf', 'native', 'sqlite', rankExtensionFileName()));
  });

  it('names the file for the platform', () => {
    expect([rankExtensionFileName('linux'), rankExtensionFileName('darwin'), rankExtensionFileName('win32')]).toEqual([
      'papershelf_rank.so',
      'papershelf_rank.dylib',
      'papershelf_rank.dll',
    ]);
  });
});
