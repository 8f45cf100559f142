// Static assets, bundled once per process with esbuild: the robot-check widget (ALTCHA, in
// Russian) for the registration pages, their stylesheet, and the respondent form client.
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

async function buildAll(): Promise<Map<string, Asset>> {
  const [widget, siteCss, form] = await Promise.all([
    bundleWidget(),
    readFile(path.join(import.meta.dirname, 'site.css'), 'utf8'),
    formClient().then((client) => client.buildFormAssets()),
  ]);
  return new Map([
    ['register.js', { body: widget, type: 'text/javascript; charset=utf-8' }],
    ['site.css', { body: siteCss, type: 'text/css; charset=utf-8' }],
    ['form.js', { body: form.js, type: 'text/javascript; charset=utf-8' }],
    ['form.css', { body: form.css, type: 'text/css; charset=utf-8' }],
  ]);
}

let assets: Promise<Map<string, Asset>> | undefined;

/** All assets, built on first use (the server warms them at start). */
export function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= buildAll();
  return assets;
}
