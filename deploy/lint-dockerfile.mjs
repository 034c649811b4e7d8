#!/usr/bin/env node
// Part of `npm run lint:deploy`: checks deploy/Dockerfile without a Docker engine. dockerfile-utils
// (the linter behind VS Code's Dockerfile support) reports syntax and instruction errors, with every
// warning treated as an error; then Depot's own rules: pinned base images (no `latest`, no bare
// name), a non-root USER in the final stage, a HEALTHCHECK, and an exec-form CMD so SIGTERM
// reaches Node (graceful shutdown).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';

const file = join(dirname(fileURLToPath(import.meta.url)), 'Dockerfile');
const text = readFileSync(file, 'utf8');
const problems = validate(text, {}).map(
  (diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`,
);

const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line, index) => ({ line: index + 1, text: line.trim() }))
  .filter((entry) => entry.text && !entry.text.startsWith('#'));
const keyword = (entry) => entry.text.split(/\s+/)[0].toUpperCase();
const stages = [];
for (const entry of instructions) {
  if (keyword(entry) === 'FROM') stages.push([]);
  stages.at(-1)?.push(entry);
}
for (const entry of instructions.filter((item) => keyword(item) === 'FROM')) {
  const image = entry.text.split(/\s+/)[1] ?? '';
  if (!image.includes(':') || image.endsWith(':latest'))
    problems.push(`line ${entry.line}: pin the base image (${image})`);
}
const final = stages.at(-1) ?? [];
const user = final.filter((entry) => keyword(entry) === 'USER').at(-1);
if (!user || /^USER\s+(root|0)(:|\s|$)/i.test(user.text)) problems.push('the final stage must run as a non-root USER');
if (!final.some((entry) => keyword(entry) === 'HEALTHCHECK')) problems.push('the final stage needs a HEALTHCHECK');
const cmd = final.filter((entry) => keyword(entry) === 'CMD').at(-1);
if (!cmd || !/^CMD\s+\[/i.test(cmd.text))
  problems.push('CMD must be in exec form (["node", …]) so SIGTERM reaches Node');

if (problems.length > 0) {
  console.error(`deploy/Dockerfile:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `deploy/Dockerfile: ${instructions.length} instructions in ${stages.length} stages valid (dockerfile-utils, Depot's rules)`,
);
