/** `npm run web [-- --port N] [-- --library DIR]`: start browser mode and print the URL to open. */
import { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { startWeb } from './serve';

const program = new Command()
  .name('papershelf-web')
  .description('Serve Papershelf in the browser on 127.0.0.1')
  .option('--port <port>', 'port to listen on (default: a random free port)', (v) => Number(v))
  .option('--library <dir>', 'library folder (default: PAPERSHELF_HOME or ~/.local/share/papershelf)')
  .parse();

const opts = program.opts<{ port?: number; library?: string }>();

startWeb({ port: opts.port, libraryDir: opts.library })
  .then((app) => {
    console.log(`Papershelf (browser mode) — library: ${app.core.library.dir}`);
    console.log(`Open: ${app.server.url}`);
    // One machine-readable line for scripts and the e2e fixtures.
    console.log(`PAPERSHELF_READY ${JSON.stringify({ url: app.server.url, port: app.server.port, token: app.server.token })}`);
    const stop = () => {
      void app.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((e: unknown) => {
    console.error(`papershelf: ${e instanceof AppError ? e.message : (e as Error).stack}`);
    process.exit(1);
  });
