import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const HF = resolve(ROOT, '../shared/formats/hf_daily_papers.json');

function papershelf(args: string[]) {
  return spawnSync(join(ROOT, 'bin/papershelf.js'), args, { encoding: 'utf8', env: { ...process.env, PAPERSHELF_HOME: '' } });
}

describe('the papershelf command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-cli-'));

  it('imports a saved HF response, and re-importing changes nothing', () => {
    const first = papershelf(['--library', dir, 'import', 'hf-json', HF]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('3 new, 0 updated, 0 unchanged');
    const second = papershelf(['import', 'hf-json', HF, '--library', dir]);
    expect(second.stdout).toContain('0 new, 0 updated, 3 unchanged');
  });

  it('lists papers as JSON for scripts', () => {
    const r = papershelf(['--library', dir, 'list', '--json']);
    expect(r.status).toBe(0);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      arxivId: '2604.11784',
      title: 'ClawGUI: A Unified Framework for Training, Evaluating, and Deploying GUI Agents',
      upvotes: 113,
      tags: [],
      pdf: null,
      publishedAt: '2026-04-13T00:00:00.000Z',
    });
    expect((items[0]!.authors as string[])[0]).toBe('Fei Tang');
  });

  it('fails with the reason on stderr and a non-zero exit', () => {
    const r = papershelf(['--library', dir, 'import', 'hf-json', join(dir, 'missing.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^papershelf: Cannot read .*missing\.json/);
    const bad = papershelf(['--library', dir, 'import', 'hf-json', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Expected a JSON array');
  });
});
