// Vitest global setup of the e2e project: finds the Chromium the browser tests drive, once per run.
// CHROMIUM_PATH names a browser of the machine's own (e.g. Debian's /usr/bin/chromium); without it,
// the Chromium that the npm package @sparticuz/chromium ships compressed is unpacked to the temp
// folder (about 2 s the first time; later runs find it there).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import chromium from '@sparticuz/chromium';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const executable = process.env.CHROMIUM_PATH || (await chromium.executablePath());
  // Fail here, once and clearly, rather than in every browser test.
  try {
    await promisify(execFile)(executable, ['--version'], { timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `The browser tests cannot start Chromium at ${executable}: ${error instanceof Error ? error.message : String(error)}\n` +
        'It needs the NSS libraries (Debian: apt-get install libnss3); or set CHROMIUM_PATH to a Chromium of this machine.',
    );
  }
  project.provide('chromiumPath', executable);
}
