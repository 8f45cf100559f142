// npm run bench:start [-- --runs 3]: how long `npm start` takes to answer GraphQL, on an empty data
// folder (fresh) and on the same folder again (restart), each beside a baseline measured in the
// same run: `node` starting a hello-world HTTP server and answering its first request. The machine
// is noisy; the ratios are what to compare between runs.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../test/helpers/smtp.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '../..');
const helloWorld = "require('node:http').createServer((q, s) => s.end('{}')).listen(Number(process.env.PORT), '127.0.0.1')";

/** Milliseconds from spawning the command until POST /graphql answers 200; then stops it. */
async function timeToAnswer(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, detached: true, stdio: 'ignore', env: { ...process.env, ...env, PORT: String(port) } });
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error(`${command} ${args.join(' ')} did not answer in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: { what: string; ms: number[]; baseline: number[] }[] = [
  { what: 'fresh (empty data folder)', ms: [], baseline: [] },
  { what: 'restart (same folder)', ms: [], baseline: [] },
];
for (let run = 0; run < runs; run++) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nok-bench-start-'));
  try {
    for (const row of rows) {
      row.baseline.push(await timeToAnswer(process.execPath, ['-e', helloWorld], {}));
      row.ms.push(await timeToAnswer('npm', ['start'], { DATA_DIR: dataDir }));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
const format = (values: number[]) => values.map((value) => Math.round(value)).join(', ');
console.log(`npm start until GraphQL answers (${runs} runs; ms)\n`);
console.log('| start | runs | median | hello-world runs | median | ratio |\n|---|---|---|---|---|---|');
for (const row of rows) {
  const ratio = median(row.ms) / median(row.baseline);
  console.log(
    `| ${row.what} | ${format(row.ms)} | ${Math.round(median(row.ms))} | ${format(row.baseline)} | ${Math.round(median(row.baseline))} | ${ratio.toFixed(1)}× |`,
  );
}
