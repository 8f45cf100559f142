// Static assets, bundled once per process with esbuild: the robot-check widget (ALTCHA, in
// Russian) for the registration pages, their stylesheet, the respondent form client and the
// coordinators' console.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export interface Asset {
  body: string;
  type: string;
}

/** The respondent form client (admin/src/form), loaded on first use. */
export function formClient(): Promise<typeof import('../../../admin/src/form/build.ts')> {
  return import('../../../admin/src/form/build.ts');
}

/** The coordinators' console (admin/src/console, react-admin), loaded on first use. */
export function consoleClient(): Promise<typeof import('../../../admin/src/console/build.ts')> {
  return import('../../../admin/src/console/build.ts');
}

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

const js = 'text/javascript; charset=utf-8';
const css = 'text/css; charset=utf-8';

const builders: Record<string, () => Promise<Asset>> = {
  'register.js': async () => ({ body: await bundleWidget(), type: js }),
  'site.css': async () => ({ body: await readFile(path.join(import.meta.dirname, 'site.css'), 'utf8'), type: css }),
  'form.js': async () => ({ body: (await formAssets()).js, type: js }),
  'form.css': async () => ({ body: (await formAssets()).css, type: css }),
  'console.js': async () => ({ body: (await consoleAssets()).js, type: js }),
  'console.css': async () => ({ body: (await consoleAssets()).css, type: css }),
};

let formBuild: Promise<{ js: string; css: string }> | undefined;
function formAssets() {
  formBuild ??= formClient().then((client) => client.buildFormAssets());
  return formBuild;
}

let consoleBuild: Promise<{ js: string; css: string }> | undefined;
function consoleAssets() {
  consoleBuild ??= consoleClient().then((client) => client.buildConsoleAssets());
  // A failed build is not kept: the next request tries again.
  consoleBuild.catch(() => (consoleBuild = undefined));
  return consoleBuild;
}

const built = new Map<string, Promise<Asset>>();

/** One asset, built on first use and kept for the life of the process; undefined if unknown. */
export function asset(name: string): Promise<Asset> | undefined {
  const builder = builders[name];
  if (!builder) return undefined;
  let found = built.get(name);
  if (!found) {
    found = builder();
    built.set(name, found);
    // A failed build is not cached: the next request tries again.
    found.catch(() => built.delete(name));
  }
  return found;
}

/** Builds every asset now (the server does this at start, so the first visitor does not wait). */
export async function loadAssets(): Promise<void> {
  await Promise.all(Object.keys(builders).map((name) => asset(name)));
}
