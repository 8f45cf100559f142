// Static assets: the robot-check widget (ALTCHA, in Russian) for the registration pages, their
// stylesheet, the respondent form client and the coordinators' console.
//
// They are built with esbuild once for a given state of their sources, not at every start: the
// build lands in node_modules/.cache/nok-assets/<hash of the sources>/, `npm install` fills it
// (`npm run build`), and a start finds it there and only reads the files. After a change to the
// sources (or to the installed packages), the next start builds again.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { cacheFolder, hashOfSources, makeCached } from '../buildCache.ts';

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

const defaultCacheDir = cacheFolder('nok-assets');
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

/** A hash of every source file of the assets. */
export function sourcesHash(): Promise<string> {
  return hashOfSources(sources);
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

/** The assets of the current sources: read from the cache, or built and written there (buildCache.ts). */
export async function builtAssets(cacheDir = defaultCacheDir): Promise<{ bodies: Record<string, string>; built: boolean }> {
  const key = await sourcesHash();
  const dir = path.join(cacheDir, key);
  const cached = await readBuilt(dir);
  if (cached) return { bodies: cached, built: false };
  const bodies = await buildAssets();
  await makeCached(
    cacheDir,
    key,
    async (folder) => {
      await Promise.all(Object.entries(bodies).map(([name, body]) => writeFile(path.join(folder, name), body)));
    },
    async (folder) => (await readBuilt(folder)) !== null,
  );
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
