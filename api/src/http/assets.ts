// Static assets: the robot-check widget (ALTCHA, in Russian) for the registration pages, their
// stylesheet, the respondent form client and the coordinators' console.
//
// They are built with esbuild once for a given state of their sources, not at every start: the
// build lands in node_modules/.cache/nok-assets/<hash of the sources>/, `npm install` fills it
// (`npm run build`), and a start finds it there and only reads the files. After a change to the
// sources (or to the installed packages), the next start builds again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export interface Asset {
  body: string;
  type: string;
  /** A strong validator of the body, computed once. */
  etag: string;
}

/** The respondent form client (admin/src/form): its page and its build. */
export function formClient(): Promise<typeof import('../../../admin/src/form/build.ts')> {
  return import('../../../admin/src/form/build.ts');
}

/** The coordinators' console (admin/src/console, react-admin): its page and its build. */
export function consoleClient(): Promise<typeof import('../../../admin/src/console/build.ts')> {
  return import('../../../admin/src/console/build.ts');
}

const js = 'text/javascript; charset=utf-8';
const css = 'text/css; charset=utf-8';
const types: Record<string, string> = {
  'register.js': js,
  'site.css': css,
  'form.js': js,
  'form.css': css,
  'console.js': js,
  'console.css': css,
};

const root = path.resolve(import.meta.dirname, '../../..');
const defaultCacheDir = path.join(root, 'node_modules/.cache/nok-assets');
/** What the bundles are made of: a change to any of these means a new build. */
const sources = ['admin/src', 'api/src/http/assets.ts', 'api/src/http/site.css', 'schema.graphql', 'package-lock.json'];

async function bundleWidget(): Promise<string> {
  const result = await build({
    stdin: { contents: "import 'altcha';\nimport 'altcha/i18n/ru';\n", resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Builds every asset from the sources (a few seconds: the console is most of it). */
export async function buildAssets(): Promise<Record<string, string>> {
  const [widget, siteCss, form, console] = await Promise.all([
    bundleWidget(),
    readFile(path.join(import.meta.dirname, 'site.css'), 'utf8'),
    formClient().then((client) => client.buildFormAssets()),
    consoleClient().then((client) => client.buildConsoleAssets()),
  ]);
  return {
    'register.js': widget,
    'site.css': siteCss,
    'form.js': form.js,
    'form.css': form.css,
    'console.js': console.js,
    'console.css': console.css,
  };
}

/** A hash of every source file of the assets, in a stable order. */
export async function sourcesHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) {
    const absolute = path.join(root, source);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)) : [absolute];
    for (const file of files.sort())
      hash
        .update(path.relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function readBuilt(dir: string): Promise<Record<string, string> | null> {
  try {
    const names = Object.keys(types);
    const bodies = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
    return Object.fromEntries(names.map((name, index) => [name, bodies[index]!]));
  } catch {
    return null;
  }
}

/**
 * The assets of the current sources: read from the cache, or built and written there (into a
 * folder of its own first, renamed into place, so a concurrent start never reads half a build).
 * Builds of earlier sources are removed.
 */
export async function builtAssets(cacheDir = defaultCacheDir): Promise<{ bodies: Record<string, string>; built: boolean }> {
  const key = await sourcesHash();
  const dir = path.join(cacheDir, key);
  const cached = await readBuilt(dir);
  if (cached) return { bodies: cached, built: false };
  const bodies = await buildAssets();
  const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(building, { recursive: true });
  await Promise.all(Object.entries(bodies).map(([name, body]) => writeFile(path.join(building, name), body)));
  await rename(building, dir).catch(async () => {
    // A concurrent start wrote the same build first (keep it), or a broken one is in the way.
    if (await readBuilt(dir)) return rm(building, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
  });
  for (const entry of await readdir(cacheDir)) {
    if (/^[0-9a-f]{16}$/.test(entry) && entry !== key) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  return { bodies, built: true };
}

let loaded: Promise<Map<string, Asset>> | undefined;

/** Every asset, loaded once per process (the server does this at start, so no visitor waits). */
export function loadAssets(): Promise<Map<string, Asset>> {
  loaded ??= builtAssets().then(
    ({ bodies }) =>
      new Map(
        Object.entries(bodies).map(([name, body]) => [
          name,
          { body, type: types[name]!, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` },
        ]),
      ),
  );
  // A failed build is not kept: the next request tries again.
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** One asset; undefined if there is no asset of that name. */
export function asset(name: string): Promise<Asset> | undefined {
  if (!Object.hasOwn(types, name)) return undefined;
  return loadAssets().then((assets) => assets.get(name)!);
}
