// `npm start`: runs the server (api/src/server.ts) on plain Node.
//
// The server is TypeScript. Run through a TypeScript loader (tsx), every module it loads, the
// dependencies too, would pass through the loader's hooks, which doubled the time a restart took to
// answer. Instead, esbuild bundles the server's own code into one ES module (about 0.1 s; the
// dependencies stay in node_modules and Node loads them itself) and Node imports that. Each module
// keeps its own location: `import.meta.dirname` and `import.meta.url` are replaced by the values of
// the source file, so paths to prisma/, the assets and the shipped documents stay right.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'node_modules/.cache/nok-server');

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

const result = await build({
  entryPoints: [path.join(root, 'api/src/server.ts')],
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
  logLevel: 'warning',
  plugins: [keepModuleLocations],
});
const code = result.outputFiles[0].contents;

// Named by its content, written once (through a rename, so two starts never read half a file).
const file = path.join(outDir, `server-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
if (!existsSync(file)) {
  await mkdir(outDir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, code);
  await rename(partial, file);
  for (const entry of await readdir(outDir)) {
    if (/^server-[0-9a-f]{16}\.mjs$/.test(entry) && entry !== path.basename(file)) await rm(path.join(outDir, entry), { force: true });
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(file).href);
