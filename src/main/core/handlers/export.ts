/** Handlers for notes, citation keys, export and import (#6). */
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc/contract';
import { setCitationKey } from '../../db/queries/citationKeys';
import { getNote, listNotes, listQuotableAnnotations, saveNote } from '../../db/queries/notes';
import { charsetFor, exportBib, exportCsl, exportMarkdown, exportRis, exportToFile, importText, putSetting } from '../../export/service';
import type { Core } from '../createCore';

export function exportHandlers(core: Core) {
  const { db } = core.library;
  const prefs = () => ({ charsetBibtex: charsetFor(db, 'bibtex'), charsetBiblatex: charsetFor(db, 'biblatex') });
  const imported = (kind: 'bib' | 'ris', text: string) => {
    const { ids, ...report } = importText(db, kind, text);
    if (ids.length) core.events.emit('papers:changed', { ids });
    return report;
  };
  return {
    'notes:get': ({ paperId }) => getNote(db, paperId),
    'notes:save': ({ paperId, body, baseUpdatedAt }) => {
      const saved = saveNote(db, paperId, body, baseUpdatedAt);
      core.events.emit('notes:changed', { paperId, updatedAt: saved.updatedAt });
      return saved;
    },
    'notes:list': ({ limit }) => listNotes(db, limit),
    'notes:quotable': ({ paperId }) => listQuotableAnnotations(db, paperId),
    'papers:setCitationKey': ({ id, key }) => {
      const r = setCitationKey(db, id, key);
      if (r.changed) core.events.emit('papers:changed', { ids: [id] });
      return r;
    },
    'export:bibtex': ({ scope, flavour, charset }) => exportBib(db, scope, flavour, charset),
    'export:bibtexEntry': ({ id, flavour, charset }) => exportBib(db, { ids: [id] }, flavour, charset),
    'export:markdown': ({ scope, layout }) => exportMarkdown(db, scope, layout),
    'export:csl': ({ scope }) => exportCsl(db, scope),
    'export:ris': ({ scope }) => exportRis(db, scope),
    'export:toFile': (args) => {
      if (core.transport === 'http') {
        throw new AppError('forbidden', 'Browser mode cannot write files by path: download the export instead.');
      }
      return { files: exportToFile(db, args) };
    },
    'import:bib': ({ text }) => imported('bib', text),
    'import:ris': ({ text }) => imported('ris', text),
    'export:autoBib:get': () => core.autoBib.status(),
    'export:autoBib:set': (s) => core.autoBib.set(s),
    'export:prefs:get': () => prefs(),
    'export:tagPaths': () =>
      (db.$client.prepare('SELECT path FROM tags ORDER BY path COLLATE NOCASE').all() as { path: string }[]).map((t) => t.path),
    'export:prefs:set': ({ charsetBibtex, charsetBiblatex }) => {
      if (charsetBibtex) putSetting(db, 'export.charset.bibtex', charsetBibtex);
      if (charsetBiblatex) putSetting(db, 'export.charset.biblatex', charsetBiblatex);
      return prefs();
    },
  } satisfies Partial<Handlers>;
}
