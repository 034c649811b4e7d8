import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who this process is: in its heartbeat row, its traces' resource and the operations page. */
export interface InstanceIdentity {
  /** New for every start, so a restarted process is a new replica. */
  id: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  /** Depot's version (package.json). */
  version: string;
}

/** The version in the package.json beside `dist/` (the project root, also in the container image). */
function packageVersion(): string {
  // dist/backend/platform/lifecycle/instance.js and backend/src/platform/lifecycle/instance.ts
  // are both four levels below the root.
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export const INSTANCE: Readonly<InstanceIdentity> = Object.freeze({
  id: randomUUID(),
  hostname: hostname(),
  pid: process.pid,
  startedAt: new Date(),
  version: packageVersion(),
});
