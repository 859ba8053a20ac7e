/**
 * The process the kill harness SIGKILLs: it opens a library like any host and runs one workload,
 * printing `ACK <kind> <key> <value>` after each save the core has acknowledged. Run with tsx:
 *   killTarget.ts <libraryDir> <workload> <seed>
 * Source URLs come from the environment (PAPERSHELF_HF_URL, PAPERSHELF_ARXIV_URL, …).
 */
import { createCore } from '../../core/createCore';
import { workloads } from './workloads';

const [dir, workload, seedArg] = process.argv.slice(2);
const run = workloads[workload as keyof typeof workloads];
if (!dir || !run) {
  process.stderr.write('usage: killTarget.ts <libraryDir> <workload> <seed>\n');
  process.exit(2);
}

const core = createCore({ libraryDir: dir, transport: 'ipc' });
process.stdout.write('READY\n');
const ack = (kind: string, key: string, value: string) => process.stdout.write(`ACK ${kind} ${key} ${value}\n`);
run(core, ack, Number(seedArg ?? 1))
  .then(() => core.dispose())
  .then(() => process.stdout.write('DONE\n'))
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
