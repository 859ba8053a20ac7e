/** Handlers for the PDF reader: opening a paper's PDF, its bytes, annotations, reading position. */
import { readFile } from 'node:fs/promises';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import {
  deleteAnnotations,
  getReadingPosition,
  listAnnotations,
  saveAnnotations,
  saveReadingPosition,
} from '../../db/queries/annotations';
import { resolvePdfFile } from '../../reader/pdfFile';
import type { Core } from '../createCore';

/** Above this, IPC bytes would be a memory hazard; the file route streams instead. */
const MAX_IPC_BYTES = 1024 * 1024 * 1024;

export function readerHandlers(core: Core) {
  const { db, dir } = core.library;
  return {
    'reader:open': ({ paperId }) => {
      const f = resolvePdfFile(db, dir, paperId);
      return {
        paperId,
        pdfId: f.pdfId,
        title: f.title,
        sha256: f.sha256,
        pages: f.pages,
        size: f.size,
        url: core.transport === 'http' ? `/api/pdf/${paperId}` : null,
        position: getReadingPosition(db, paperId),
      };
    },
    'reader:bytes': async ({ paperId }) => {
      const f = resolvePdfFile(db, dir, paperId);
      if (f.size > MAX_IPC_BYTES) throw new AppError('bad-input', 'This PDF is too large to open (over 1 GB).');
      const buf = await readFile(f.path);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    'reader:savePosition': ({ paperId, pageIndex, scale, top }) => {
      saveReadingPosition(db, paperId, { pageIndex, scale, top });
      return { saved: true as const };
    },
    'annotations:list': ({ paperId }) => listAnnotations(db, paperId),
    'annotations:save': ({ annotations }) => ({ saved: saveAnnotations(db, annotations) }),
    'annotations:delete': ({ ids }) => ({ deleted: deleteAnnotations(db, ids) }),
  } satisfies Partial<Handlers>;
}

/** The browser-mode file route's resolver: `GET /api/pdf/<paperId>`. */
export function pdfFileResolver(core: Core) {
  return (id: string) => {
    const paperId = Number(id);
    if (!Number.isSafeInteger(paperId) || paperId <= 0) return null;
    const f = resolvePdfFile(core.library.db, core.library.dir, paperId);
    return { path: f.path, size: f.size, contentType: 'application/pdf' };
  };
}
