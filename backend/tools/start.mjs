#!/usr/bin/env node
// `npm start`: build whatever is missing or out of date, then run the server in this process group.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Depot needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

buildIfNeeded();

const server = spawn(process.execPath, [join(root, 'dist/backend/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
