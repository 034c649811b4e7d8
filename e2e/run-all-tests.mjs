#!/usr/bin/env node
// `npm test`: builds what is missing, runs every suite (backend, frontend and SDK unit, HTTP, browser)
// and ends with one line `N passed, N failed, N skipped` adding up all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from '../backend/tools/build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'e2e', '.artifacts');
mkdirSync(artifacts, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

buildIfNeeded();

const only = process.argv.slice(2);
const suites = [
  { name: 'backend unit', kind: 'jest', args: ['-c', 'backend/jest.config.js'] },
  { name: 'frontend unit', kind: 'jest', args: ['-c', 'frontend/jest.config.js'] },
  { name: 'sdk unit', kind: 'jest', args: ['-c', 'libs/sdk/jest.config.js'] },
  {
    name: 'api (HTTP)',
    kind: 'jest',
    args: ['-c', 'e2e/api/jest.config.js', '--testPathIgnorePatterns', 'faults|fleet'],
  },
  // Fault injection measures latencies under load and the fleet test runs three replicas behind
  // nginx: each gets the machine to itself.
  { name: 'api faults and fleet', kind: 'jest', args: ['-c', 'e2e/api/jest.config.js', '--runInBand', 'faults|fleet'] },
  { name: 'browser', kind: 'playwright', args: ['test', '-c', 'e2e/browser/playwright.config.ts'] },
].filter((suite) => only.length === 0 || only.some((name) => suite.name.startsWith(name)));

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

for (const suite of suites) {
  const slug = suite.name.replace(/\W+/g, '-');
  const report = join(artifacts, `${slug}-results.json`);
  rmSync(report, { force: true });
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const result =
    suite.kind === 'jest'
      ? spawnSync(bin('jest'), [...suite.args, '--ci', '--json', `--outputFile=${report}`], {
          cwd: root,
          stdio: 'inherit',
        })
      : spawnSync(bin('playwright'), suite.args, {
          cwd: root,
          stdio: 'inherit',
          env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
        });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts =
      suite.kind === 'jest'
        ? {
            passed: json.numPassedTests,
            // A suite that fails to run (syntax error, setup crash) counts as a failure too.
            failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
            skipped: json.numPendingTests + json.numTodoTests,
          }
        : {
            passed: json.stats.expected,
            failed: json.stats.unexpected + json.stats.flaky,
            skipped: json.stats.skipped,
          };
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(
    `${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}

console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
