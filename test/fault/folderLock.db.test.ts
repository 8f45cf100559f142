// Issue 13, item 6: never two processes on one embedded database folder. While the server runs on
// PGlite, each command (coordinator, window, import, portal-token, dataset) stops with a Russian
// message and changes nothing; a second server likewise; after the server stops, or after it was
// killed (kill -9 leaves its lock behind), commands work. On PostgreSQL there is no lock: commands
// run beside the server, as README says.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDatabaseFolder, lockPathOf } from '../../api/src/db/folderLock.ts';
import { createServerDatabase, type ServerDatabase, type ServerProcess, startServer } from '../helpers/processes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs `npm run <script> -- args` as a person does (tsx), with the database's environment. */
async function command(env: Record<string, string>, script: string, ...args: string[]) {
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'NODE_ENV']) delete inherited[name];
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `api/scripts/${script}.ts`, ...args], {
      cwd: root,
      env: { ...inherited, ...env, npm_lifecycle_event: script },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let database: ServerDatabase | undefined;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.kill();
  await database?.remove();
});

describe('commands and a running server on one database', () => {
  it('refuse on PGlite while the server runs, work once it stopped or died; run beside it on PostgreSQL', { timeout: 240_000 }, async () => {
    database = await createServerDatabase();
    // The folder is made (and loaded) by the test's process, then closed.
    await (await database.open()).close();
    const server = await startServer(database.env);
    servers.push(server);

    if (database.kind === 'postgresql') {
      const made = await command(database.env, 'coordinator', 'beside@example.org', '--password', 'длинный-пароль-12');
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain('beside@example.org');
      await server.stop();
      return;
    }

    const dataDir = database.env.DATA_DIR!;
    const lock = JSON.parse(await readFile(lockPathOf(path.join(dataDir, 'pglite')), 'utf8'));
    expect(lock).toMatchObject({ pid: server.child.pid, role: 'server' });

    for (const [script, args] of [
      ['coordinator', ['while-running@example.org', '--password', 'длинный-пароль-12']],
      ['window', ['nok-2021', '--close-now']],
      ['import', ['practices', 'prisma/seeds/best-practices.txt']],
      ['portal-token', ['list']],
      ['dataset', ['--per-region', '1']],
    ] as const) {
      const refused = await command(database.env, script, ...args);
      expect(refused.code, `${script}: ${refused.stdout}${refused.stderr}`).toBe(3);
      expect(refused.stderr).toContain(`открыта запущенным сервером (npm start, процесс ${server.child.pid}`);
      expect(refused.stderr).toContain('Остановите сервер');
      expect(refused.stderr).not.toMatch(/at \w+ \(/); // a message, not a stack trace
    }
    // A second server on the folder is refused too, and the first one goes on serving.
    await expect(startServer(database.env, { timeoutMs: 30_000 })).rejects.toThrow(/открыта запущенным сервером/);
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);

    // Killed: its lock stays behind, and is taken over (its process is gone).
    await server.kill('SIGKILL');
    const made = await command(database.env, 'coordinator', 'after-kill@example.org', '--password', 'длинный-пароль-12');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('after-kill@example.org');

    // Nothing the refused commands tried reached the database.
    const db = await database.open();
    try {
      expect(await db.prisma.user.count({ where: { email: 'while-running@example.org' } })).toBe(0);
      expect(await db.prisma.user.count({ where: { email: 'after-kill@example.org' } })).toBe(1);
      expect(await db.prisma.portalToken.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});

describe('the lock of a folder', () => {
  it('is taken once, released on close, and a stale lock (dead or reused pid) is taken over', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nok-lock-'));
    const folder = path.join(dir, 'pglite');
    try {
      const release = lockDatabaseFolder(folder, 'npm run window');
      expect(() => lockDatabaseFolder(folder, 'npm run coordinator')).toThrow(DatabaseInUseError);
      try {
        lockDatabaseFolder(folder, 'npm run coordinator');
      } catch (error) {
        expect((error as Error).message).toContain('открыта другой командой (npm run window');
      }
      release();
      lockDatabaseFolder(folder, 'server')();

      // A process that died (its pid is free now).
      const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
      const dead = Number(stdout.trim());
      await writeFile(
        lockPathOf(folder),
        JSON.stringify({ pid: dead, startTime: '1', host: (await import('node:os')).hostname(), role: 'server', since: '' }),
      );
      lockDatabaseFolder(folder, 'npm run coordinator')();

      // A live pid with another start time: the pid was reused by another process after a crash.
      await writeFile(
        lockPathOf(folder),
        JSON.stringify({ pid: process.ppid, startTime: '0', host: (await import('node:os')).hostname(), role: 'server', since: '' }),
      );
      lockDatabaseFolder(folder, 'npm run coordinator')();

      // A lock cut short by a crash (empty or not JSON).
      await writeFile(lockPathOf(folder), '');
      lockDatabaseFolder(folder, 'npm run coordinator')();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
