/** Handlers for sync sources, runs, watch rules and the "New since last sync" view. */
import type { Handlers } from '../../../shared/ipc/contract';
import { describeSpec } from '../../../shared/sync';
import { newSinceLastSync } from '../../sync/digest';
import { validateSpec } from '../../sync/sources';
import { deleteRule, listRules, saveRule } from '../../sync/rules';
import { addSource, listRuns, listSources, removeSource } from '../../sync/store';
import type { Core } from '../createCore';

export function syncHandlers(core: Core) {
  const { db } = core.library;
  return {
    'sync:sources': () => listSources(db),
    'sync:addSource': ({ name, spec }) => {
      validateSpec(spec);
      return addSource(db, name || describeSpec(spec), spec);
    },
    'sync:removeSource': ({ id }) => ({ removed: removeSource(db, id) }),
    'sync:run': (target) => core.sync.start(target).run,
    'sync:resume': ({ runId }) => core.sync.resume(runId).run,
    'sync:cancel': ({ runId }) => ({ cancelled: core.sync.cancel(runId) }),
    'sync:runs': ({ limit }) => listRuns(db, limit),
    'rules:list': () => listRules(db),
    'rules:save': (rule) => saveRule(db, rule),
    'rules:delete': ({ id }) => ({ deleted: deleteRule(db, id) }),
    'papers:newSinceLastSync': ({ limit }) => newSinceLastSync(db, limit),
  } satisfies Partial<Handlers>;
}
