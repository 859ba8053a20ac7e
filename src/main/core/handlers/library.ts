/** Handlers for search, filters, tags, saved searches and bulk actions (#4). */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import {
  deletePapers,
  deleteSavedSearch,
  listDays,
  listSavedSearches,
  listSources,
  saveSearch,
} from '../../db/queries/libraryViews';
import {
  addTags,
  createTag,
  deleteTag,
  listTags,
  mergeTags,
  removeTags,
  renameTag,
  setTagColor,
} from '../../db/queries/tags';
import { matchesForSearch } from '../../db/queries/search';
import { listPaperIds } from '../../db/queries/paperList';
import type { Core } from '../createCore';

export function libraryHandlers(core: Core) {
  const { db } = core.library;
  const tagsChanged = <T>(value: T, papers: number[] | 'all' | null = 'all'): T => {
    core.events.emit('tags:changed', {});
    if (papers) core.events.emit('papers:changed', { ids: papers });
    return value;
  };
  return {
    'papers:delete': ({ ids }) => {
      const { deleted, pdfPaths } = deletePapers(db, ids);
      const root = resolve(core.library.dir);
      for (const p of pdfPaths) {
        const file = resolve(join(root, p));
        if (file.startsWith(root + '/')) rmSync(file, { force: true });
      }
      if (deleted) tagsChanged(null, ids);
      return { deleted };
    },
    'papers:addTags': ({ ids, paths }) => {
      const changed = addTags(db, ids, paths);
      return tagsChanged({ changed }, changed ? ids : null);
    },
    'papers:removeTags': ({ ids, tagIds }) => {
      const changed = removeTags(db, ids, tagIds);
      return tagsChanged({ changed }, changed ? ids : null);
    },
    'papers:ids': (q) => listPaperIds(db, q),
    'search:matches': ({ search, ids }) => matchesForSearch(db, search, ids),
    'tags:list': () => listTags(db),
    'tags:create': ({ path, color }) => tagsChanged(createTag(db, path, color), null),
    'tags:rename': ({ id, path }) => tagsChanged(renameTag(db, id, path)),
    'tags:merge': ({ from, into }) => tagsChanged(mergeTags(db, from, into)),
    'tags:delete': ({ id }) => tagsChanged(deleteTag(db, id)),
    'tags:setColor': ({ id, color }) => tagsChanged(setTagColor(db, id, color)),
    'searches:list': () => listSavedSearches(db),
    'searches:save': (s) => saveSearch(db, s),
    'searches:delete': ({ id }) => ({ deleted: deleteSavedSearch(db, id) }),
    'library:sources': () => listSources(db),
    'library:days': () => listDays(db),
  } satisfies Partial<Handlers>;
}
