// What the product makes from its own sources and keeps between runs — the bundled assets
// (http/assets.ts) and the prepared databases (snapshots.ts) — lives in node_modules/.cache/<kind>/,
// in a folder named by a hash of the sources it was made from: a change to a source means a new
// folder, and folders of earlier sources are removed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The repository's top folder. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export function cacheFolder(kind: string): string {
  return path.join(repositoryRoot, 'node_modules/.cache', kind);
}

/**
 * A hash of the files at these paths (relative to the repository; folders are read whole), their
 * names and contents, in a stable order; files under `exclude` do not count.
 */
export async function hashOfSources(sources: string[], exclude: string[] = []): Promise<string> {
  const hash = createHash('sha256');
  const excluded = exclude.map((folder) => path.join(repositoryRoot, folder) + path.sep);
  for (const source of sources) {
    const absolute = path.join(repositoryRoot, source);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)) : [absolute];
    for (const file of files.filter((name) => !excluded.some((folder) => name.startsWith(folder))).sort()) {
      hash.update(path.relative(repositoryRoot, file)).update('\0');
      hash.update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes `<cacheDir>/<key>` with `make(folder)`: in a folder of its own first, renamed into place, so
 * nobody reads half of it. If a complete one (`isComplete`) appeared meanwhile, from a concurrent
 * process, it is kept; an incomplete one is replaced. Folders of other keys are removed.
 */
export async function makeCached(
  cacheDir: string,
  key: string,
  make: (folder: string) => Promise<void>,
  isComplete: (folder: string) => Promise<boolean>,
): Promise<string> {
  const dir = path.join(cacheDir, key);
  const making = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(making, { recursive: true });
  try {
    await make(making);
    if (await isComplete(dir)) {
      await rm(making, { recursive: true, force: true });
    } else {
      await rm(dir, { recursive: true, force: true });
      await rename(making, dir);
    }
  } catch (error) {
    await rm(making, { recursive: true, force: true });
    throw error;
  }
  for (const entry of await readdir(cacheDir)) {
    if (/^[0-9a-f]{16}$/.test(entry) && entry !== key) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  return dir;
}
