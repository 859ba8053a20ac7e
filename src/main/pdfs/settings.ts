/** PDF settings, kept in the `settings` table (key → JSON value). */
import { AUTO_DOWNLOAD, type AutoDownload, type PdfSettings } from '../../shared/pdfs';
import type { ReadDb, WriteDb } from '../db/client';
import { DEFAULT_MAX_BYTES } from './storage';

export const AUTO_DOWNLOAD_KEY = 'pdf.autoDownload';
export const MAX_BYTES_KEY = 'pdf.maxBytes';

function read(db: ReadDb, key: string): unknown {
  const row = db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

function write(db: WriteDb, key: string, value: unknown): void {
  db.$client
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

export function getPdfSettings(db: ReadDb): PdfSettings {
  const auto = read(db, AUTO_DOWNLOAD_KEY);
  const max = read(db, MAX_BYTES_KEY);
  return {
    autoDownload: AUTO_DOWNLOAD.includes(auto as AutoDownload) ? (auto as AutoDownload) : 'none',
    maxBytes: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : DEFAULT_MAX_BYTES,
  };
}

export function setPdfSettings(db: WriteDb, patch: Partial<PdfSettings>): PdfSettings {
  db.$client.transaction(() => {
    if (patch.autoDownload !== undefined) write(db, AUTO_DOWNLOAD_KEY, patch.autoDownload);
    if (patch.maxBytes !== undefined) write(db, MAX_BYTES_KEY, patch.maxBytes);
  })();
  return getPdfSettings(db);
}
