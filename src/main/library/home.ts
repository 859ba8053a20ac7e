/**
 * Where the library lives. One folder holds `library.sqlite` and `pdfs/`.
 * Precedence: an explicit directory (`--library DIR`), then `PAPERSHELF_HOME`, then the host's
 * default (Electron's userData for the desktop app; the XDG data folder for the CLI and browser mode).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function xdgDataHome(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'papershelf');
}

export function resolveLibraryDir(opts: {
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  hostDefault?: string;
}): string {
  const env = opts.env ?? process.env;
  if (opts.explicit && opts.explicit.trim()) return resolve(opts.explicit);
  if (env.PAPERSHELF_HOME && env.PAPERSHELF_HOME.trim()) return resolve(env.PAPERSHELF_HOME);
  return opts.hostDefault ?? xdgDataHome(env);
}

export const DB_FILE = 'library.sqlite';
export const PDF_DIR = 'pdfs';
