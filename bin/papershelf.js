#!/usr/bin/env node
// The `papershelf` command. Runs the TypeScript CLI through tsx's loader (a dependency), so the
// command works straight from a checkout after `npm install`, with no separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
await import(join(here, '..', 'src', 'main', 'cli', 'index.ts'));
