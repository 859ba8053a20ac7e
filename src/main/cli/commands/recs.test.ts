/** The recommendation commands, run as the researcher runs them (tsx + the real entry point). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/client';
import { seedTopicLibrary, type SeededLibrary } from '../../recs/synthetic';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;
let seeded: SeededLibrary;
const arxivOf = new Map<number, string>();

function cli(...args: string[]) {
  return spawnSync(TSX, [join(ROOT, 'src/main/cli/index.ts'), '--library', dir, ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'papershelf-recs-cli-'));
  const lib = openLibrary(dir);
  seeded = seedTopicLibrary(lib.db, 12, 4);
  for (const r of lib.sqlite.prepare('SELECT id, arxiv_id FROM papers').all() as { id: number; arxiv_id: string }[])
    arxivOf.set(r.id, r.arxiv_id);
  lib.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('papershelf similar / recommend', () => {
  it('similar --json prints a ranked array of same-topic papers with reasons', () => {
    const probe = seeded.tagged[2]![0]!;
    const out = execFileSync(TSX, [join(ROOT, 'src/main/cli/index.ts'), '--library', dir, 'similar', `arXiv:${arxivOf.get(probe)}v2`, '--json', '--limit', '5'], { encoding: 'utf8' });
    const items = JSON.parse(out) as { rank: number; arxivId: string; title: string; score: number; reason: string }[];
    expect(items).toHaveLength(5);
    expect(items.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const p of items) {
      expect(p.arxivId).toMatch(/^2601\.\d{5}$/);
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.reason).toMatch(/^shared: /);
    }
    const ids = [...arxivOf].filter(([, a]) => items.some((p) => p.arxivId === a)).map(([id]) => id);
    expect(ids.filter((id) => seeded.topicOf.get(id) === 2).length).toBeGreaterThanOrEqual(4);
    expect(items.map((p) => p.score)).toEqual([...items.map((p) => p.score)].sort((a, b) => b - a));
  });

  it('recommend --tag ranks Inbox papers of that topic and explains them', () => {
    const r = cli('recommend', '--tag', '#RL', '--limit', '5');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('More like #rl (4 papers learned from, 40 ranked)');
    expect(r.stdout).toMatch(/ 1\. 0\.\d{3} {2}2601\.\d{5} /);
    expect(r.stdout).toMatch(/about: .* · like “/);
    const json = JSON.parse(cli('recommend', '--tag', 'rl', '--json').stdout) as { arxivId: string; score: number; reason: string; title: string }[];
    expect(json.length).toBeGreaterThan(0);
    const top = [...arxivOf].filter(([, a]) => json.slice(0, 5).some((p) => p.arxivId === a)).map(([id]) => id);
    expect(top.filter((id) => seeded.topicOf.get(id) === 1).length).toBeGreaterThanOrEqual(4);
  });

  it('recommend without --tag ranks by fit to everything tagged or starred', () => {
    const r = cli('recommend', '--limit', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('More like everything tagged or starred (20 papers learned from, 40 ranked)');
    expect(r.stdout.match(/^ {2}\d\. /gm)).toHaveLength(3);
  });

  it('fails clearly on an unknown tag, paper or bad id', () => {
    const t = cli('recommend', '--tag', 'nope');
    expect(t.status).toBe(1);
    expect(t.stderr).toContain('There is no tag "nope".');
    expect(cli('similar', '2601.99999').stderr).toContain('no paper with arXiv id 2601.99999');
    expect(cli('similar', 'banana').stderr).toContain('"banana" is not an arXiv id');
  });
});
