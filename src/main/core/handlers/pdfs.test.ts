import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGate } from '../../ipc/gate';
import { createCore, type Core } from '../createCore';
import { arxivPaper, makePdf } from '../../pdfs/testing/makePdf';
import { removeDir, tempDir } from '../../pdfs/testing/harness';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = tempDir();
  core = createCore({ libraryDir: dir, transport: 'http', env: { PAPERSHELF_ARXIV_URL: 'http://127.0.0.1:9' } });
});
afterEach(async () => {
  await core.dispose();
  removeDir(dir);
});

describe('the pdfs contract entries', () => {
  it('import bytes through the gate, then report the queue and full-text status', async () => {
    const dispatch = createGate(core.handlers, { log: () => {} });
    const bytes = await makePdf(arxivPaper({ id: '2604.11784v2', title: 'ClawGUI', words: 'Tapir.' }));
    const r = await dispatch('pdfs:importBytes', { name: 'claw.pdf', base64: Buffer.from(bytes).toString('base64') });
    expect(r).toMatchObject({ ok: true, value: { kind: 'new', title: 'ClawGUI', arxivId: '2604.11784' } });
    await core.pdfs.text.idle();
    expect(await dispatch('pdfs:status', {})).toEqual({
      ok: true,
      value: { downloads: { queued: 0, active: 0, failed: 0, done: 1 }, text: { pending: 0, done: 1, failed: 0 }, active: [] },
    });
    const detail = await core.handlers['papers:get']({ id: (r as { value: { paperId: number } }).value.paperId });
    expect(detail.pdf).toMatchObject({ state: 'done', pages: 2, version: 2 });
  });

  it('refuse an empty file and bad settings with clear errors; settings round-trip', async () => {
    const dispatch = createGate(core.handlers, { log: () => {} });
    expect(await dispatch('pdfs:importBytes', { name: 'e.pdf', base64: '' })).toEqual({
      ok: false,
      error: { type: 'bad-input', message: 'e.pdf is empty (0 bytes), not a PDF.' },
    });
    expect(await dispatch('pdfs:setSettings', { autoDownload: 'sometimes' })).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    expect(await dispatch('pdfs:setSettings', { autoDownload: 'tagged' })).toMatchObject({ ok: true, value: { autoDownload: 'tagged' } });
    expect(await dispatch('pdfs:getSettings', {})).toMatchObject({ ok: true, value: { autoDownload: 'tagged', maxBytes: 200 * 1024 * 1024 } });
    expect(await dispatch('pdfs:download', { ids: [999] })).toEqual({ ok: true, value: { queued: 0, skipped: [{ id: 999, reason: 'no such paper' }] } });
  });
});
