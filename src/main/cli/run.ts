/** Shared plumbing for CLI commands: open the core, run, close, map errors to exit codes. */
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { openCore, type Core } from '../core/createCore';

export function libraryOption(cmd: Command): string | undefined {
  let c: Command | null = cmd;
  while (c) {
    const v = c.opts<{ library?: string }>().library;
    if (v) return v;
    c = c.parent;
  }
  return undefined;
}

/** Run `fn` with an open core; the library is always closed afterwards. */
export async function withCore<T>(cmd: Command, fn: (core: Core) => Promise<T> | T): Promise<T> {
  const core = await openCore({ libraryDir: libraryOption(cmd), transport: 'ipc', background: false });
  try {
    return await fn(core);
  } finally {
    await core.dispose();
  }
}

export async function runCli(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const msg = e instanceof AppError ? e.message : ((e as Error)?.message ?? String(e));
    process.stderr.write(`papershelf: ${msg}\n`);
    if (!(e instanceof AppError) && process.env.PAPERSHELF_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
