/**
 * The process the kill harness SIGKILLs: it opens a library like any host and runs one workload,
 * printing `ACK <kind> <key> <value>` after each save the core has acknowledged. Run with tsx:
 *   killTarget.ts <libraryDir> <workload> <fixtureUrl> <seed>
 */
import { createCore } from '../../core/createCore';
import { workloads } from './workloads';

const [dir, workload, fixtureUrl, seedArg] = process.argv.slice(2);
const run = workloads[workload as keyof typeof workloads];
if (!dir || !run || !fixtureUrl) {
  process.stderr.write('usage: killTarget.ts <libraryDir> <workload> <fixtureUrl> <seed>\n');
  process.exit(2);
}

const env = {
  ...process.env,
  PAPERSHELF_HF_URL: fixtureUrl,
  PAPERSHELF_ARXIV_API_URL: `${fixtureUrl}/api/query`,
  PAPERSHELF_ARXIV_RSS_URL: fixtureUrl,
  PAPERSHELF_ARXIV_URL: fixtureUrl,
  PAPERSHELF_ARXIV_DELAY_MS: '0',
};
const core = createCore({ libraryDir: dir, transport: 'ipc', env });
process.stdout.write('READY\n');
const ack = (kind: string, key: string, value: string) => process.stdout.write(`ACK ${kind} ${key} ${value}\n`);
run(core, ack, Number(seedArg ?? 1))
  .then(() => core.dispose())
  .then(() => process.stdout.write('DONE\n'))
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
