/**
 * Recommendation quality on a labelled fixture set: 300 synthetic papers from 5 topics, 20 per
 * topic tagged (training), 40 per topic left in the Inbox (held out). Chance precision is 0.2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { RecsService, fitScores } from './service';
import { TOPICS, seedTopicLibrary, type SeededLibrary } from './synthetic';

let lib: Library;
let seeded: SeededLibrary;
let svc: RecsService;

beforeAll(() => {
  lib = openMemoryLibrary();
  seeded = seedTopicLibrary(lib.db, 60, 20);
  svc = new RecsService(lib.db);
});
afterAll(() => {
  svc.dispose();
  lib.close();
});

describe('More like #tag', () => {
  it('ranks held-out Inbox papers of the tag’s topic first (precision@10 well above chance)', () => {
    const perTag = TOPICS.map((t, topic) => {
      const res = svc.forTag(seeded.tagIds[topic]!, { limit: 10 });
      expect(res.items).toHaveLength(10);
      expect(res.positives).toBe(20);
      const hits = res.items.filter((p) => seeded.topicOf.get(p.id) === topic).length;
      return { tag: t.tag, p10: hits / 10 };
    });
    const mean = perTag.reduce((s, x) => s + x.p10, 0) / perTag.length;
    console.log(
      `recs quality: precision@10 of "More like #tag" = ${mean.toFixed(2)} (chance 0.20); per tag ` +
        perTag.map((x) => `${x.tag} ${x.p10.toFixed(1)}`).join(', '),
    );
    expect(mean).toBeGreaterThanOrEqual(0.8);
    for (const x of perTag) expect(x.p10).toBeGreaterThanOrEqual(0.6);
  });

  it('skips papers already in the library and gives each a reason', () => {
    const res = svc.forTag(seeded.tagIds[0]!, { limit: 50 });
    expect(res.items.every((p) => p.state === 'inbox')).toBe(true);
    const tagged = new Set(seeded.tagged.flat());
    expect(res.items.some((p) => tagged.has(p.id))).toBe(false);
    for (const p of res.items.slice(0, 10)) {
      expect(p.reason).toMatch(/about: /);
      expect(p.nearest).not.toBeNull();
      expect(seeded.topicOf.get(p.nearest!.id)).toBe(0);
    }
    // Scores come sorted, as probabilities.
    const scores = res.items.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });
});

describe('Similar papers', () => {
  it('returns papers of the same topic, with shared terms as the reason', () => {
    let hits = 0;
    let total = 0;
    const probes = [...seeded.topicOf.keys()].filter((_, i) => i % 15 === 0);
    for (const id of probes) {
      const sims = svc.similar(id, 5);
      expect(sims.length).toBeGreaterThan(0);
      expect(sims.some((s) => s.id === id)).toBe(false);
      for (const s of sims) {
        total++;
        if (seeded.topicOf.get(s.id) === seeded.topicOf.get(id)) hits++;
        expect(s.reason).toMatch(/^shared: \S/);
        expect(s.terms.length).toBeGreaterThan(0);
      }
    }
    console.log(`recs quality: same-topic share of top-5 similar papers = ${(hits / total).toFixed(2)} (chance 0.20)`);
    expect(hits / total).toBeGreaterThanOrEqual(0.8);
  });
});

describe('Fit scores for the digest', () => {
  it('scores papers like the tagged and starred ones above the rest', () => {
    // Only the diffusion papers are tagged now.
    const sqlite = lib.db.$client;
    const otherTags = seeded.tagIds.slice(1);
    const saved = sqlite.prepare(`SELECT paper_id, tag_id FROM paper_tags WHERE tag_id IN (${otherTags.join(',')})`).all();
    sqlite.prepare(`DELETE FROM paper_tags WHERE tag_id IN (${otherTags.join(',')})`).run();
    const inbox = [...seeded.topicOf.keys()].filter((id) => !seeded.tagged.flat().includes(id));
    const scores = fitScores(lib.db, inbox);
    expect(scores.map((s) => s.id)).toEqual(inbox);
    // AUC: how often a diffusion paper outscores a paper of another topic.
    const of = (pred: (t: number) => boolean) => scores.filter((s) => pred(seeded.topicOf.get(s.id)!)).map((s) => s.score!);
    const pos = of((t) => t === 0);
    const neg = of((t) => t !== 0);
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
    const auc = wins / (pos.length * neg.length);
    console.log(`recs quality: fit-score AUC (diffusion-tagged researcher, held-out papers) = ${auc.toFixed(3)} (chance 0.5)`);
    expect(auc).toBeGreaterThanOrEqual(0.9);

    // Starring counts too: star five speech papers, and the other speech papers now outscore RL ones.
    const speech = inbox.filter((id) => seeded.topicOf.get(id) === 4);
    const rl = inbox.filter((id) => seeded.topicOf.get(id) === 1);
    const starred = speech.slice(0, 5);
    const speechOverRl = () => {
      const m = new Map(fitScores(lib.db, inbox).map((s) => [s.id, s.score!]));
      let wins = 0;
      for (const a of speech.slice(5)) for (const b of rl) wins += m.get(a)! > m.get(b)! ? 1 : 0;
      return wins / ((speech.length - 5) * rl.length);
    };
    const before = speechOverRl();
    sqlite.prepare(`UPDATE papers SET starred = 1 WHERE id IN (${starred.join(',')})`).run();
    const after = speechOverRl();
    console.log(`recs quality: speech papers outscoring RL ones before/after starring 5 speech papers = ${before.toFixed(2)}/${after.toFixed(2)}`);
    expect(after).toBeGreaterThanOrEqual(0.7);
    expect(after).toBeGreaterThan(before + 0.15);
    sqlite.prepare(`UPDATE papers SET starred = 0 WHERE id IN (${starred.join(',')})`).run();
    const ins = sqlite.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (@paper_id, @tag_id)');
    for (const r of saved) ins.run(r);
  });

  it('ranks the Inbox "for you" across every tagged topic, skipping tagged papers', () => {
    const res = svc.forYou({ limit: 25 });
    expect(res.positives).toBe(100);
    const tagged = new Set(seeded.tagged.flat());
    expect(res.items.some((p) => tagged.has(p.id))).toBe(false);
    expect(res.items.every((p) => p.state === 'inbox' && p.reason.length > 0)).toBe(true);
  });

  it('has no score while nothing is tagged or starred', () => {
    const empty = openMemoryLibrary();
    seedTopicLibrary(empty.db, 2, 0);
    expect(fitScores(empty.db, [1, 2])).toEqual([
      { id: 1, score: null },
      { id: 2, score: null },
    ]);
    empty.close();
  });
});
