import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hfItem, fakeArxivId } from './testing/feeds';
import { startFixtureServer, type FixtureServer } from './testing/fixtureServer';
import { harness } from './testing/harness';
import { listRules, saveRule, deleteRule } from './rules';
import { newSinceLastSync } from './digest';

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(() => fx.close());

const DAY1 = '2026-11-20';
const DAY2 = '2026-11-21';

function seed() {
  fx.data.hf = new Map([
    [
      DAY1,
      [
        hfItem({ id: fakeArxivId(1), title: 'Diffusion models for robots', day: DAY1, upvotes: 5, authors: ['Yann LeCun'] }),
        hfItem({ id: fakeArxivId(2), title: 'A survey of graphs', day: DAY1, upvotes: 80, organization: 'Meta AI' }),
        hfItem({ id: fakeArxivId(3), title: 'Quiet paper', day: DAY1, upvotes: 1 }),
      ],
    ],
    [
      DAY2,
      [
        hfItem({ id: fakeArxivId(3), title: 'Quiet paper', day: DAY1, upvotes: 2 }),
        hfItem({ id: fakeArxivId(4), title: 'Trending today', day: DAY2, upvotes: 300 }),
        hfItem({ id: fakeArxivId(5), title: 'Less trending today', day: DAY2, upvotes: 30 }),
      ],
    ],
  ]);
}

describe('watch rules', () => {
  it('tag matching incoming papers with origin rule:<id>; other papers and user tags are left alone', async () => {
    seed();
    const h = harness(fx);
    const db = h.library.db;
    const kw = saveRule(db, { name: 'Diffusion', field: 'keyword', pattern: 'diffusion, score matching', tags: ['watch/diffusion'] });
    const org = saveRule(db, { name: 'Meta', field: 'organization', pattern: 'meta', tags: ['orgs/meta'] });
    const hot = saveRule(db, { name: 'Hot', field: 'minUpvotes', pattern: '50', tags: ['hot'] });
    saveRule(db, { name: 'Off', field: 'author', pattern: 'lecun', tags: ['never'], enabled: false });
    expect(listRules(db).map((r) => [r.name, r.tags])).toEqual([
      ['Diffusion', ['watch/diffusion']],
      ['Meta', ['orgs/meta']],
      ['Hot', ['hot']],
      ['Off', ['never']],
    ]);
    await h.sync.start({ spec: { kind: 'hf', params: { mode: 'day', date: DAY1 } } }).done;
    const tagged = h.library.sqlite
      .prepare(`SELECT p.title, t.path, pt.origin FROM paper_tags pt JOIN papers p ON p.id = pt.paper_id
                JOIN tags t ON t.id = pt.tag_id ORDER BY p.title, t.path`)
      .all();
    expect(tagged).toEqual([
      { title: 'A survey of graphs', path: 'hot', origin: `rule:${hot.id}` },
      { title: 'A survey of graphs', path: 'orgs/meta', origin: `rule:${org.id}` },
      { title: 'Diffusion models for robots', path: 'watch/diffusion', origin: `rule:${kw.id}` },
    ]);
    const states = h.library.sqlite.prepare(`SELECT DISTINCT state FROM papers`).all();
    expect(states).toEqual([{ state: 'inbox' }]);
    expect(deleteRule(db, kw.id)).toBe(true);
    expect(listRules(db)).toHaveLength(3);
    await h.close();
  });

  it('refuse a non-numeric minimum', () => {
    const h = harness(fx);
    expect(() => saveRule(h.library.db, { name: 'x', field: 'minUpvotes', pattern: 'many', tags: [] })).toThrow(/whole number/);
    h.library.close();
  });
});

describe('New since last sync', () => {
  it('lists the papers first seen in the latest sync session, trending first', async () => {
    seed();
    const h = harness(fx);
    const empty = newSinceLastSync(h.library.db, 100);
    expect(empty).toEqual({ rows: [], total: 0, since: null, runIds: [] });
    const first = await h.sync.start({ spec: { kind: 'hf', params: { mode: 'day', date: DAY1 } } }).done;
    // The first sync happened yesterday: a new session starts with the next one.
    h.library.sqlite.prepare(`UPDATE sync_runs SET started_at = '2026-11-20T08:00:00.000Z' WHERE id = ?`).run(first.id);
    const second = await h.sync.start({ spec: { kind: 'hf', params: { mode: 'day', date: DAY2 } } }).done;
    expect(second).toMatchObject({ newCount: 2, updatedCount: 1 });
    const digest = newSinceLastSync(h.library.db, 100);
    expect(digest.rows.map((r) => r.title)).toEqual(['Trending today', 'Less trending today']);
    expect(digest).toMatchObject({ total: 2, runIds: [second.id], since: second.startedAt });
    await h.close();
  });
});
