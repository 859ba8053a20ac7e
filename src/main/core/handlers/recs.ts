/** Recommendations (#8): similar papers, "More like #tag", fit scores for the digest. */
import type { Handlers } from '../../../shared/ipc/contract';
import { tagsWithCounts } from '../../recs/queries';
import type { Core } from '../createCore';

export function recsHandlers(core: Core) {
  const svc = core.recs;
  // The first call waits for the background index build instead of blocking the event loop.
  return {
    'recs:similar': async ({ paperId, limit }) => {
      await svc.ready();
      return svc.similar(paperId, limit);
    },
    // Training runs in slices first; the ranking itself then uses the cached model.
    'recs:forTag': async ({ tagId, limit, scope }) => {
      await svc.prepareTag(tagId);
      return svc.forTag(tagId, { limit, scope });
    },
    'recs:forYou': async ({ limit, scope }) => {
      await svc.prepareFit();
      return svc.forYou({ limit, scope });
    },
    'recs:fitScores': async ({ paperIds }) => {
      await svc.prepareFit();
      return svc.fitScores(paperIds);
    },
    'recs:tags': () => tagsWithCounts(core.library.db),
    'recs:status': () => svc.stats(),
  } satisfies Partial<Handlers>;
}
