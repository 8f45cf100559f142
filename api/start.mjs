// `npm start`: runs the server (api/src/server.ts) on plain Node.
//
// The server is TypeScript. Run through a TypeScript loader (tsx), every module it loads, the
// dependencies too, would pass through the loader's hooks, which doubled the time a restart took to
// answer. Instead, esbuild bundles the server's own code into one ES module (about 0.1 s; the
// dependencies stay in node_modules and Node loads them itself) and Node imports that. Each module
// keeps its own location: `import.meta.dirname` and `import.meta.url` are replaced by the values of
// the source file, so paths to prisma/, the assets and the shipped documents stay right. A restart
// whose sources have not changed (same size and modification time of every file the last bundle
// was made of) runs the last bundle without calling esbuild.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'node_modules/.cache/nok-server');
/** Which bundle the sources as they were last time made, and those sources' sizes and times. */
const manifestFile = path.join(outDir, 'server.json');

/** Replaces import.meta.dirname and import.meta.url in each source file by that file's own values. */
const keepModuleLocations = {
  name: 'keep-module-locations',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/** The bundle of the last start, if no file it was made of has changed since. */
async function lastBundle() {
  const manifest = await readFile(manifestFile, 'utf8').then(JSON.parse, () => null);
  if (!manifest || !existsSync(path.join(outDir, manifest.bundle))) return null;
  const unchanged = await Promise.all(
    Object.entries(manifest.inputs).map(async ([file, [mtimeMs, size]]) => {
      const now = await stat(file).catch(() => null);
      return now !== null && now.mtimeMs === mtimeMs && now.size === size;
    }),
  );
  return unchanged.every(Boolean) ? path.join(outDir, manifest.bundle) : null;
}

async function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, contents);
  await rename(partial, file);
}

async function bundle() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'api/src/server.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'inline',
    sourcesContent: false,
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [keepModuleLocations],
  });
  const code = result.outputFiles[0].contents;
  // Named by its content, written through a rename, so two starts never read half a file.
  const name = `server-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  await mkdir(outDir, { recursive: true });
  if (!existsSync(path.join(outDir, name))) await writeAtomically(path.join(outDir, name), code);
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    const { mtimeMs, size } = await stat(file);
    inputs[file] = [mtimeMs, size];
  }
  await writeAtomically(manifestFile, JSON.stringify({ bundle: name, inputs }));
  for (const entry of await readdir(outDir)) {
    if (/^server-[0-9a-f]{16}\.mjs$/.test(entry) && entry !== name) await rm(path.join(outDir, entry), { force: true });
  }
  return path.join(outDir, name);
}

const file = (await lastBundle()) ?? (await bundle());
process.setSourceMapsEnabled(true);
await import(pathToFileURL(file).href);
