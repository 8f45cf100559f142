// One process at a time on an embedded database folder (issue 13, item 6).
//
// PGlite is PostgreSQL running inside the process that opened the folder; a second process that
// opens the same folder works on its own copy of the pages in memory and writes beside the first
// (`npm run coordinator` while the server ran printed a password the server never saw). So whoever
// opens a PGlite folder first takes `<folder>.lock`, created exclusively (O_EXCL), holding its pid,
// the process's start time (from /proc on Linux) and what it is; everyone else is refused with a
// Russian message saying who holds it. The lock is removed when the database is closed or the
// process exits; after a crash (kill -9, power loss) it stays, and the next opener finds its holder
// gone — no process with that pid, or one with a different start time (the pid was reused) — and
// takes it over, so a stale lock never blocks.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22), when known. */
  startTime: string | null;
  host: string;
  /** 'server' for npm start, else the command (e.g. 'npm run coordinator'). */
  role: string;
  since: string;
}

/** The folder is held by a live process: nothing was opened. */
export class DatabaseInUseError extends Error {
  readonly code = 'DATABASE_IN_USE';
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(inUseMessage(folder, holder));
    this.name = 'DatabaseInUseError';
  }
}

function inUseMessage(folder: string, holder: LockHolder): string {
  const since = new Date(holder.since);
  const when = Number.isNaN(since.getTime())
    ? ''
    : `, с ${since.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' })} мск`;
  const who =
    holder.role === 'server'
      ? `Встроенная база данных (${folder}) открыта запущенным сервером (npm start, процесс ${holder.pid}${when}).`
      : `Встроенная база данных (${folder}) открыта другой командой (${holder.role}, процесс ${holder.pid}${when}).`;
  const what =
    holder.role === 'server'
      ? 'Остановите сервер (Ctrl+C в его окне) и повторите команду; затем запустите сервер снова. Или работайте с PostgreSQL (DATABASE_URL): тогда команды выполняются при запущенном сервере.'
      : 'Дождитесь её окончания и повторите.';
  return `${who} Два процесса не могут работать с одной папкой базы данных: изменения одного не увидит другой. ${what}`;
}

/** The lock file of a PGlite folder: beside it, so PostgreSQL's own files are not touched. */
export const lockPathOf = (folder: string) => `${path.resolve(folder)}.lock`;

function startTimeOf(pid: number): string | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs (on this machine; a lock from another host is trusted). */
function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.startTime === null) return true;
  const now = startTimeOf(holder.pid);
  // A live pid with another start time is another process that got the same pid after a crash.
  return now === null || now === holder.startTime;
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      startTime: parsed.startTime ?? null,
      host: parsed.host ?? hostname(),
      role: parsed.role ?? 'неизвестно',
      since: parsed.since ?? '',
    };
  } catch {
    return null;
  }
}

let declaredRole: string | null = null;

/** The server declares itself (however it was started: npm start, node api/start.mjs, a test). */
export function declareProcessRole(role: string): void {
  declaredRole = role;
}

/** What this process calls itself in a lock: the server, or the npm command that runs. */
export function processRole(): string {
  if (declaredRole) return declaredRole;
  const script = process.env.npm_lifecycle_event;
  if (script === 'start') return 'server';
  if (script) return `npm run ${script}`;
  return path.basename(process.argv[1] ?? 'node');
}

const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Takes the folder's lock for this process, or throws DatabaseInUseError naming its live holder. A
 * lock left by a dead process (or unreadable, e.g. cut short by a crash) is taken over. Returns the
 * release function (also run when the process exits).
 */
export function lockDatabaseFolder(folder: string, role = processRole()): () => void {
  const file = lockPathOf(folder);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, startTime: startTimeOf(process.pid), host: hostname(), role, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      held.add(file);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
          for (const lock of held) releaseIfOurs(lock);
        });
      }
      return () => {
        held.delete(file);
        releaseIfOurs(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.pid === process.pid && holder.host === me.host) {
      throw new DatabaseInUseError(folder, holder);
    }
    // A file being written this instant reads as empty: give its writer a moment before judging it.
    if (!holder && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    if (holder && holderAlive(holder)) throw new DatabaseInUseError(folder, holder);
    // Stale: its process is gone. Remove it and try again (another opener may win the race: then it holds it).
    rmSync(file, { force: true });
  }
  const holder = readHolder(file);
  throw new DatabaseInUseError(folder, holder ?? { pid: 0, startTime: null, host: hostname(), role: 'неизвестно', since: '' });
}

function releaseIfOurs(file: string): void {
  const holder = readHolder(file);
  if (holder && holder.pid === process.pid && holder.host === hostname()) rmSync(file, { force: true });
}
