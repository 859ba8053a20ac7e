import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/client';
import { parseHfDailyPapers } from '../importers/hfDailyPapers';
import { upsertListings } from '../library/listings';
import { DUMP_FILE, dumpData, exportLibrary, importLibrary } from './dump';

const tmp = (p = 'papershelf-dump-') => mkdtempSync(join(tmpdir(), p));
const SAMPLE = readFileSync(join(import.meta.dirname, '../../../../shared/formats/hf_daily_papers.json'), 'utf8');

function seeded(dir: string) {
  const lib = openLibrary(dir);
  const { ids } = upsertListings(lib.db, parseHfDailyPapers(SAMPLE).listings, { sourceKey: 'hf:2026-04-15' });
  const s = lib.sqlite;
  s.prepare(`UPDATE papers SET state = 'reading', starred = 1 WHERE id = ?`).run(ids[0]);
  s.prepare(`INSERT INTO tags (id, name, path, color) VALUES (1, 'ml', 'ml', '#5fb236'), (2, 'rl', 'ml/rl', NULL)`).run();
  s.prepare(`UPDATE tags SET parent_id = 1 WHERE id = 2`).run();
  s.prepare(`INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, 2)`).run(ids[0]);
  s.prepare(`INSERT INTO notes (paper_id, body) VALUES (?, ?)`).run(ids[0], '# Notes\n\nΣ $x^2$ — naïve ✓');
  s.prepare(`INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, text, comment, tags, sort_index)
             VALUES ('3f1c', ?, 'highlight', '#ffd400', 2, '[[70.9,516.5,525.3,527.6]]', 'quoted words', 'my comment', '["key"]', '00002|000120|00264')`).run(ids[0]);
  const pdf = Buffer.from('%PDF-1.4\n% fake but byte-exact\n%%EOF\n');
  const sha = createHash('sha256').update(pdf).digest('hex');
  const rel = `pdfs/${sha.slice(0, 2)}/${sha}.pdf`;
  mkdirSync(join(dir, 'pdfs', sha.slice(0, 2)), { recursive: true });
  writeFileSync(join(dir, rel), pdf);
  s.prepare(`INSERT INTO pdfs (paper_id, state, sha256, path, bytes, pages, version) VALUES (?, 'done', ?, ?, ?, 1, 1)`).run(ids[0], sha, rel, pdf.length);
  s.prepare(`INSERT INTO settings (key, value) VALUES ('pdf.autoDownload', '"starred"')`).run();
  return { lib, rel };
}

describe('a full export of the library', () => {
  it('imports into a new folder as an identical library, PDFs included', async () => {
    const src = tmp();
    const { lib, rel } = seeded(src);
    const out = join(tmp(), 'export');
    expect(await exportLibrary(lib, out)).toEqual({ papers: 3, pdfs: 1 });
    const before = dumpData(lib.sqlite);
    lib.close();
    expect(existsSync(join(out, DUMP_FILE))).toBe(true);
    expect(existsSync(join(out, 'library.sqlite'))).toBe(true);

    const dst = tmp();
    expect(importLibrary(out, dst)).toEqual({ papers: 3, pdfs: 1 });
    const copy = openLibrary(dst);
    const after = dumpData(copy.sqlite);
    expect(after.tables).toEqual(before.tables);
    expect(readFileSync(join(dst, rel))).toEqual(readFileSync(join(src, rel)));
    // The search index is rebuilt, notes and annotations included.
    const hit = (q: string) => copy.sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?').all(q);
    expect(hit('naïve')).toHaveLength(1);
    expect(hit('"quoted words"')).toHaveLength(1);
    copy.close();
  });

  it('refuses a tampered PDF, a non-empty target and a foreign file, leaving nothing behind', async () => {
    const src = tmp();
    const { lib, rel } = seeded(src);
    const out = join(tmp(), 'export');
    await exportLibrary(lib, out);
    await expect(exportLibrary(lib, out)).rejects.toThrow(/not empty/);
    lib.close();
    expect(() => importLibrary(out, src)).toThrow(/already holds a library/);
    writeFileSync(join(out, rel), '%PDF-1.4 tampered');
    const dst = tmp();
    expect(() => importLibrary(out, dst)).toThrow(/does not match its recorded sha256/);
    expect(existsSync(join(dst, 'library.sqlite'))).toBe(false);
    writeFileSync(join(out, DUMP_FILE), '{"format":"something-else"}');
    expect(() => importLibrary(out, tmp())).toThrow(/not a Papershelf export/);
  });
});
