import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { withCore } from '../run';

export function registerImport(program: Command): void {
  const imp = program.command('import').description('import papers into the library');
  imp
    .command('hf-json <file>')
    .description('import a saved response of the Hugging Face /api/daily_papers endpoint')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      let json: string;
      try {
        json = readFileSync(file, 'utf8');
      } catch (e) {
        throw new AppError('bad-input', `Cannot read ${file}: ${(e as Error).message}`);
      }
      await withCore(cmd, async (core) => {
        const r = await core.handlers['import:hfJson']({ json });
        process.stdout.write(`Imported ${file}: ${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged\n`);
      });
    });
}
