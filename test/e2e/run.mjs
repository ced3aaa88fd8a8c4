#!/usr/bin/env node
// Entry of `npm run test:e2e`: loads the TypeScript end-to-end runner (test/e2e/main.ts) through tsx
// and exits with its status. Arguments pass through (see main.ts). Needs `bash test/e2e/setup.sh` once.
import { tsImport } from 'tsx/esm/api';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(root, process.argv.slice(2));
