// Builds the contracts, the API and the admin UI when their output is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function outdated(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

function run(label, command, args) {
  console.log(`[depot] ${label}...`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[depot] ${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

/** `options.frontend: false` skips the admin UI (tools that need only the API). */
export function buildIfNeeded(options = { frontend: true }) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  if (outdated(join(root, 'libs/contracts/dist/index.js'), 'libs/contracts/src')) {
    run('building shared contracts', bin('tsc'), ['-p', 'libs/contracts/tsconfig.json']);
  }
  if (outdated(join(root, 'dist/backend/main.js'), 'backend/src', 'libs/contracts/src')) {
    run('building the API', bin('nest'), ['build']);
  }
  if (
    options.frontend &&
    outdated(join(root, 'dist/frontend/browser/index.html'), 'frontend/src', 'libs/contracts/src', 'angular.json')
  ) {
    run('building the admin UI', bin('ng'), ['build', 'admin']);
    run('compressing the admin UI', process.execPath, [join(root, 'backend/tools/precompress.mjs')]);
  }
}
