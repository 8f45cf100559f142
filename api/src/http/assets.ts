// Static assets: the robot-check widget (ALTCHA, in Russian) for the registration pages, their
// stylesheet, the respondent form client and the coordinators' console (an entry script, the
// chunks it imports, and the screens it loads later).
//
// They are built with esbuild once for a given state of their sources, not at every start: the
// build lands in node_modules/.cache/nok-assets/<hash of the sources>/, `npm install` fills it
// (`npm run build`), and a start finds it there and only reads the files. After a change to the
// sources (or to the installed packages), the next start builds again. The build compresses every
// file too (brotli and gzip, at their highest levels), so no request and no start waits for that.
//
// Each file is served under a name that holds a hash of its content, `/assets/form.<hash>.js`,
// cached by browsers for a year without asking again (a new build has new names); the pages name
// the files that way (assetUrl). The plain names (`/assets/form.js`) redirect to the current file,
// uncached, for whoever still asks for them — one body has one URL, so no cache keeps two copies.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder, hashOfSources, makeCached } from '../buildCache.ts';
import { compressOnce, type Encoding } from './compression.ts';

/** The assets the pages name; the console's chunks are named by the console's script itself. */
export type AssetName = 'register.js' | 'site.css' | 'form.js' | 'form.css' | 'console.js' | 'console.css';
const names: readonly AssetName[] = ['register.js', 'site.css', 'form.js', 'form.css', 'console.js', 'console.css'];

export interface Asset {
  /** Its file name under /assets/, with a hash of its content. */
  file: string;
  type: string;
  body: Buffer;
  /** The body compressed, in the encodings that make it smaller. */
  encoded: Partial<Record<Encoding, Buffer>>;
  /** A strong validator of the body, computed once; each encoding's is this with a suffix. */
  etag: string;
}

export interface Assets {
  /** Every file by its name under /assets/. */
  files: Map<string, Asset>;
  /** The URL of a named asset: `/assets/<name>.<hash>.<ext>`. */
  url(name: AssetName): string;
  /** The URLs of the chunks the console's script imports at once (its page preloads them). */
  consoleImports: string[];
}

/** What a build makes: every file's body under its file name, and which file each named asset is. */
export interface BuiltAssets {
  files: Record<string, Buffer>;
  encoded: Record<string, Partial<Record<Encoding, Buffer>>>;
  names: Record<AssetName, string>;
  consoleImports: string[];
}

/** The respondent form client (admin/src/form): its page and its build. */
export function formClient(): Promise<typeof import('../../../admin/src/form/build.ts')> {
  return import('../../../admin/src/form/build.ts');
}

/** The coordinators' console (admin/src/console, react-admin): its page and its build. */
export function consoleClient(): Promise<typeof import('../../../admin/src/console/build.ts')> {
  return import('../../../admin/src/console/build.ts');
}

const typeOf = (file: string) => (file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');

const defaultCacheDir = cacheFolder('nok-assets');
/** What the bundles are made of: a change to any of these means a new build. */
const sources = [
  'admin/src',
  'api/src/http/assets.ts',
  'api/src/http/compression.ts',
  'api/src/http/site.css',
  'schema.graphql',
  'package-lock.json',
];
/** The list of a build's files, written last: a folder without it is incomplete. */
const MANIFEST = 'manifest.json';
const suffix: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

async function bundleWidget(): Promise<string> {
  const { build } = await import('esbuild');
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

/** `form.js` with a hash of this body: `form.0123456789.js`. */
function hashedName(name: string, body: Buffer): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** Builds and compresses every asset from the sources (several seconds: the console is most of it). */
export async function buildAssets(): Promise<BuiltAssets> {
  const [widget, siteCss, form, console] = await Promise.all([
    bundleWidget(),
    readFile(path.join(import.meta.dirname, 'site.css'), 'utf8'),
    formClient().then((client) => client.buildFormAssets()),
    consoleClient().then((client) => client.buildConsoleAssets()),
  ]);
  const files: Record<string, Buffer> = {};
  const named: Partial<Record<AssetName, string>> = {};
  const own: Record<Exclude<AssetName, 'console.js'>, string> = {
    'register.js': widget,
    'site.css': siteCss,
    'form.js': form.js,
    'form.css': form.css,
    'console.css': console.css,
  };
  for (const [name, text] of Object.entries(own) as [AssetName, string][]) {
    const body = Buffer.from(text);
    named[name] = hashedName(name, body);
    files[named[name]] = body;
  }
  // The console's scripts import one another by the names esbuild gave them (with its content hash).
  for (const [file, text] of Object.entries(console.scripts)) files[file] = Buffer.from(text);
  named['console.js'] = console.entry;
  const encoded: BuiltAssets['encoded'] = {};
  await Promise.all(
    Object.entries(files).map(async ([file, body]) => {
      const both = await compressOnce(body);
      encoded[file] = Object.fromEntries(Object.entries(both).filter(([, bytes]) => bytes.byteLength < body.byteLength));
    }),
  );
  return { files, encoded, names: named as Record<AssetName, string>, consoleImports: console.entryImports };
}

/** A hash of every source file of the assets. */
export function sourcesHash(): Promise<string> {
  return hashOfSources(sources);
}

interface Manifest {
  names: Record<AssetName, string>;
  consoleImports: string[];
  /** Each file and the encodings stored beside it (`<file>.br`, `<file>.gz`). */
  files: Record<string, Encoding[]>;
}

async function writeBuilt(dir: string, built: BuiltAssets): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const [file, body] of Object.entries(built.files)) {
    writes.push(writeFile(path.join(dir, file), body));
    for (const [encoding, bytes] of Object.entries(built.encoded[file] ?? {}) as [Encoding, Buffer][]) {
      writes.push(writeFile(path.join(dir, file + suffix[encoding]), bytes));
    }
  }
  await Promise.all(writes);
  const files = Object.fromEntries(Object.keys(built.files).map((file) => [file, Object.keys(built.encoded[file] ?? {}) as Encoding[]]));
  const manifest: Manifest = { names: built.names, consoleImports: built.consoleImports, files };
  await writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
}

async function readBuilt(dir: string): Promise<BuiltAssets | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (!names.every((name) => manifest.files[manifest.names[name]])) return null;
    const built: BuiltAssets = { files: {}, encoded: {}, names: manifest.names, consoleImports: manifest.consoleImports };
    await Promise.all(
      Object.entries(manifest.files).map(async ([file, encodings]) => {
        const [body, ...bytes] = await Promise.all(
          [file, ...encodings.map((encoding) => file + suffix[encoding])].map((name) => readFile(path.join(dir, name))),
        );
        built.files[file] = body!;
        built.encoded[file] = Object.fromEntries(encodings.map((encoding, index) => [encoding, bytes[index]!]));
      }),
    );
    return built;
  } catch {
    return null;
  }
}

/** The named assets' texts (their sizes are what `npm run build` reports). */
const bodiesOf = (built: BuiltAssets): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, built.files[built.names[name]]!.toString()]));

/** The assets of the current sources: read from the cache, or built and written there (buildCache.ts). */
export async function builtAssets(cacheDir = defaultCacheDir): Promise<{ assets: BuiltAssets; bodies: Record<string, string>; built: boolean }> {
  const key = await sourcesHash();
  const cached = await readBuilt(path.join(cacheDir, key));
  if (cached) return { assets: cached, bodies: bodiesOf(cached), built: false };
  const assets = await buildAssets();
  await makeCached(
    cacheDir,
    key,
    (folder) => writeBuilt(folder, assets),
    async (folder) => (await readBuilt(folder)) !== null,
  );
  return { assets, bodies: bodiesOf(assets), built: true };
}

/** The built files as the server serves them, with their validators. */
export function servedAssets(built: BuiltAssets): Assets {
  const files = new Map<string, Asset>();
  for (const [file, body] of Object.entries(built.files)) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    files.set(file, { file, type: typeOf(file), body, encoded: built.encoded[file] ?? {}, etag });
  }
  return {
    files,
    url: (name) => `/assets/${built.names[name]}`,
    consoleImports: built.consoleImports.map((file) => `/assets/${file}`),
  };
}

let loading: Promise<Assets> | undefined;
let loaded: Assets | undefined;

/** Every asset, loaded once per process (the server does this at start, so no visitor waits). */
export function loadAssets(): Promise<Assets> {
  loading ??= builtAssets().then(({ assets }) => {
    loaded = servedAssets(assets);
    return loaded;
  });
  // A failed build is not kept: the next request tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The URL of a named asset for a page: with its hash once the assets are loaded (the server loads
 * them before it listens, and the web handler before it renders a page); until then the plain
 * name, which redirects to it.
 */
export function assetUrl(name: AssetName): string {
  return loaded?.url(name) ?? `/assets/${name}`;
}

/** Whether this plain name is one of the named assets (`/assets/form.js` redirects to the current file). */
export function isAssetName(name: string): name is AssetName {
  return (names as readonly string[]).includes(name);
}
