/** Test helpers: a SyncService on an in-memory library pointed at a fixture server. */
import { sourceUrlsFromEnv } from '../../core/config';
import { EventBus } from '../../core/events';
import { openMemoryLibrary, type Library } from '../../db/client';
import type { HttpOptions } from '../http';
import { SyncService } from '../service';
import type { FixtureServer } from './fixtureServer';

/** Fast retries and a short timeout so fault tests take milliseconds, not minutes. */
export const TEST_HTTP: HttpOptions = { timeoutMs: 400, retries: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 };

export interface Harness {
  library: Library;
  events: EventBus;
  sync: SyncService;
  close(): Promise<void>;
}

export function harness(fx: FixtureServer, opts: { library?: Library; http?: Partial<HttpOptions>; arxivDelayMs?: number } = {}): Harness {
  const library = opts.library ?? openMemoryLibrary();
  const events = new EventBus();
  const sync = new SyncService({
    library,
    urls: sourceUrlsFromEnv(fx.env(opts.arxivDelayMs ?? 0)),
    events,
    http: { ...TEST_HTTP, ...opts.http },
    pageSizes: { hfLimit: 5, arxivPageSize: 4 },
  });
  return {
    library,
    events,
    sync,
    close: async () => {
      await sync.dispose();
      library.close();
    },
  };
}

/** What the library holds, independent of row ids and timestamps. */
export function snapshot(lib: Library): unknown {
  const q = (sql: string) => lib.sqlite.prepare(sql).all();
  return {
    papers: q(`SELECT arxiv_id, latest_version, title, abstract, authors_text, published_at, hf_upvotes, hf_featured_on,
                      categories, state, starred FROM papers ORDER BY arxiv_id`),
    authors: q(`SELECT p.arxiv_id, pa.position, a.name FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
                JOIN authors a ON a.id = pa.author_id ORDER BY 1, 2`),
    sources: q(`SELECT p.arxiv_id, s.source_key, s.announce_type FROM paper_sources s JOIN papers p ON p.id = s.paper_id ORDER BY 1, 2`),
    tags: q(`SELECT p.arxiv_id, t.path, pt.origin FROM paper_tags pt JOIN papers p ON p.id = pt.paper_id JOIN tags t ON t.id = pt.tag_id ORDER BY 1, 2`),
  };
}
