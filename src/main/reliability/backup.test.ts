import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationTags, trimmedMigrations } from '../testing/migrations';
import { createCore, openCore } from '../core/createCore';
import { openLibrary, openMarker } from '../db/client';
import { backupLibrary, checkIntegrity, KEEP, listBackups, newestGoodBackup, restoreBackup } from './backup';

const tmp = () => mkdtempSync(join(tmpdir(), 'papershelf-backup-'));
const titles = (dir: string) => {
  const lib = openLibrary(dir);
  try {
    return (lib.sqlite.prepare('SELECT title FROM papers ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    lib.close();
  }
};

describe('backups', () => {
  it('are complete, checked copies made with the online backup API, bounded per kind', async () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    lib.sqlite.prepare(`INSERT INTO papers (title) VALUES ('one')`).run();
    for (let i = 0; i < KEEP.manual + 2; i++) await backupLibrary(lib.sqlite, dir, 'manual');
    const list = listBackups(dir);
    expect(list).toHaveLength(KEEP.manual);
    expect(list.every((b) => b.kind === 'manual' && checkIntegrity(b.file) === 'ok')).toBe(true);
    expect(list[0]!.createdAt >= list[1]!.createdAt).toBe(true);
    lib.close();
  });

  it('a daily backup is made when the newest is a day old, and not again the same day', async () => {
    const dir = tmp();
    const core = createCore({ libraryDir: dir, transport: 'ipc', env: {} });
    expect(await core.backups.runDue()).toMatch(/-daily\.sqlite$/);
    expect(await core.backups.runDue()).toBeNull();
    expect(await core.backups.runDue(Date.now() + 25 * 3600 * 1000)).toMatch(/-daily\.sqlite$/);
    await core.dispose();
  });

  it('are taken before a migration changes an existing library', async () => {
    const dir = tmp();
    const old = openLibrary(dir, { migrationsFolder: trimmedMigrations(1) });
    old.sqlite.prepare(`INSERT INTO papers (title) VALUES ('before the upgrade')`).run();
    old.close();
    const core = await openCore({ libraryDir: dir, transport: 'ipc', env: {} });
    await core.dispose();
    const pre = listBackups(dir).filter((b) => b.kind === 'pre-migration');
    expect(pre).toHaveLength(1);
    expect(migrationTags().length).toBeGreaterThan(1);
    expect(checkIntegrity(pre[0]!.file)).toBe('ok');
    // Opening again with nothing pending makes no new backup.
    await (await openCore({ libraryDir: dir, transport: 'ipc', env: {} })).dispose();
    expect(listBackups(dir).filter((b) => b.kind === 'pre-migration')).toHaveLength(1);
  });

  it('restore swaps a backup in and keeps the replaced database as a backup', async () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    lib.sqlite.prepare(`INSERT INTO papers (title) VALUES ('kept')`).run();
    const b = await backupLibrary(lib.sqlite, dir, 'manual');
    lib.sqlite.prepare(`INSERT INTO papers (title) VALUES ('later')`).run();
    lib.close();
    const r = await restoreBackup(dir, b);
    expect(r.saved).toMatch(/-pre-restore\.sqlite$/);
    expect(titles(dir)).toEqual(['kept']);
    await restoreBackup(dir, r.saved!);
    expect(titles(dir)).toEqual(['kept', 'later']);
  });

  it('restore refuses while another process has the library open, and refuses a bad backup', async () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    const b = await backupLibrary(lib.sqlite, dir, 'manual');
    await expect(restoreBackup(dir, b)).rejects.toThrow(/in use by another Papershelf process/);
    lib.close();
    const junk = join(dir, 'junk.sqlite');
    closeSync(openSync(junk, 'w'));
    writeSync(openSync(junk, 'w'), 'garbage');
    await expect(restoreBackup(dir, junk)).rejects.toThrow(/not a good backup/);
  });
});

describe('after an unclean shutdown', () => {
  it('a healthy library opens as usual', () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    expect(existsSync(openMarker(lib.sqlite.name))).toBe(true);
    // Simulate a crash: the marker stays behind because close() never ran.
    const marker = readFileSync(openMarker(lib.sqlite.name), 'utf8');
    lib.sqlite.close();
    expect(marker).toContain('pid');
    const again = openLibrary(dir);
    again.close();
    expect(existsSync(openMarker(again.sqlite.name))).toBe(false);
  });

  it('a damaged library is not opened, and the message offers the newest good backup', async () => {
    const dir = tmp();
    const lib = openLibrary(dir);
    const insert = lib.sqlite.prepare(`INSERT INTO papers (title, abstract) VALUES (?, ?)`);
    for (let i = 0; i < 400; i++) insert.run(`paper ${i}`, 'x'.repeat(500));
    await backupLibrary(lib.sqlite, dir, 'daily');
    lib.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = lib.sqlite.name;
    lib.sqlite.close(); // crash: marker left behind
    // Scribble over pages in the middle of the file.
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => createCore({ libraryDir: dir, transport: 'ipc', env: {} })).toThrow(/is damaged .* newest good backup is from .*papershelf restore --latest/s);
    const good = newestGoodBackup(dir)!;
    expect(good.kind).toBe('daily');
    await restoreBackup(dir, good.file);
    expect(titles(dir)).toHaveLength(400);
  });
});
