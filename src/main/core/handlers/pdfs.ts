/** Handlers for PDFs: download, local import (bytes or paths), queue status, settings. */
import { basename } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { getPdfSettings, setPdfSettings } from '../../pdfs/settings';
import type { Core } from '../createCore';

export function pdfHandlers(core: Core) {
  const { db } = core.library;
  return {
    'pdfs:download': ({ ids, force }) => core.pdfs.downloads.enqueue(ids, { force }),
    'pdfs:importBytes': ({ name, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw new AppError('bad-input', `${name} is empty (0 bytes), not a PDF.`);
      return core.pdfs.import({ name, bytes });
    },
    'pdfs:importFiles': async ({ paths }) => {
      const out = [];
      for (const file of paths) out.push(await core.pdfs.import({ name: basename(file), file }));
      return out;
    },
    'pdfs:status': () => core.pdfs.status(),
    'pdfs:getSettings': () => getPdfSettings(db),
    'pdfs:setSettings': (patch) => setPdfSettings(db, patch),
  } satisfies Partial<Handlers>;
}
