/** Handlers for the library list, the detail pane and triage writes. */
import type { Handlers } from '../../../shared/ipc/contract';
import { getPaper, listPapers, setStarred, setState } from '../../db/queries/papers';
import { parseHfDailyPapers } from '../../importers/hfDailyPapers';
import { upsertListings } from '../../library/listings';
import type { Core } from '../createCore';

export function paperHandlers(core: Core) {
  const { db } = core.library;
  return {
    'app:info': () => ({ version: core.version, libraryPath: core.library.dir, transport: core.transport }),
    'papers:list': (q) => listPapers(db, q),
    'papers:get': ({ id }) => getPaper(db, id, { arxiv: core.urls.arxiv, hf: core.urls.hf }),
    'papers:setState': ({ ids, state }) => {
      const changed = setState(db, ids, state);
      if (changed) core.events.emit('papers:changed', { ids });
      return { changed };
    },
    'papers:setStarred': ({ ids, starred }) => {
      const changed = setStarred(db, ids, starred);
      if (changed) core.events.emit('papers:changed', { ids });
      return { changed };
    },
    'import:hfJson': ({ json }) => {
      const { listings } = parseHfDailyPapers(json);
      const r = upsertListings(db, listings, { sourceKey: 'import:hf-json' });
      if (r.ids.length) core.events.emit('papers:changed', { ids: r.ids });
      return { new: r.new, updated: r.updated, unchanged: r.unchanged };
    },
  } satisfies Partial<Handlers>;
}
