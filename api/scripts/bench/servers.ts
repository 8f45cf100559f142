// The servers npm run bench measures: ours as `npm start` runs it (node api/start.mjs), and the
// baselines (a graphql-yoga hello-world, PostGraphile v4), each a process of its own on loopback.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../../test/helpers/smtp.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  name: string;
  origin: string;
  pid: number;
  /** Resident memory now, and the peak since the process started (VmRSS, VmHWM), in MB. */
  memory(): Promise<{ rss: number; peak: number }>;
  stop(): Promise<void>;
}

/** Starts `node <args>` with PORT set and waits until POST /graphql answers `{ __typename }`. */
export async function startServer(name: string, args: string[], env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port), PUBLIC_URL: origin },
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = performance.now();
  for (;;) {
    const answered = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output.join('')}`);
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer in 120 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = child.pid!;
  return {
    name,
    origin,
    pid,
    async memory() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
      return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Our server, as `npm start` runs it, on the database the environment names (DATABASE_URL or DATA_DIR). */
export function startOurServer(env: Record<string, string>, cpuProfileDir?: string): Promise<RunningServer> {
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  return startServer('our server', [...profile, 'api/start.mjs'], env);
}

export function startHelloWorld(): Promise<RunningServer> {
  return startServer('graphql-yoga hello-world', [path.join(import.meta.dirname, 'hello-yoga.mjs')], {});
}

export function startPostGraphile(databaseUrl: string): Promise<RunningServer> {
  return startServer('PostGraphile v4', [path.join(import.meta.dirname, 'postgraphile.mjs')], { DATABASE_URL: databaseUrl });
}
