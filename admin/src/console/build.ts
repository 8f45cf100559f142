// Bundles the console (react-admin) with esbuild — ES modules split by route, served under
// /assets/ with the hashes of their contents in their names (api/src/http/assets.ts) — and gives
// the HTML shell served at /admin/.
//
// The API answers introspection only to signed-in callers, so the schema is introspected here,
// at build time, from schema.graphql and injected as __CONSOLE_SCHEMA__ (see dataProvider.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema, type IntrospectionType } from 'graphql';
import { splitBarrels } from './splitBarrels.ts';

const here = import.meta.dirname;
const schemaFile = path.resolve(here, '../../../schema.graphql');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The introspection result of the API's printed schema, cut to what ra-data-graphql and our
 * buildQuery read: the Query type's fields with their arguments, and the names of the object types
 * (a resource is an object type with an allX/X query). The whole result would add ~130 kB.
 */
export async function consoleIntrospection(): Promise<IntrospectionSchema> {
  const schema = buildSchema(await readFile(schemaFile, 'utf8'));
  const full = introspectionFromSchema(schema, { descriptions: false }).__schema;
  const queryTypeName = full.queryType.name;
  const types = full.types.flatMap((type): IntrospectionType[] => {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__')) return [];
    if (type.name === queryTypeName) return [type];
    return [{ ...type, fields: [], interfaces: [] }];
  });
  return { queryType: full.queryType, mutationType: null, subscriptionType: null, types, directives: [] };
}

export interface ConsoleAssets {
  /** The entry script's file name, with esbuild's hash of its content: `console.<hash>.js`. */
  entry: string;
  /**
   * Every script by file name: the entry, the chunks it imports, and the screens it loads later
   * (`screens.<hash>.js`, see lazyScreen.ts) with their own chunks. They import one another by
   * these names, relative to the entry's folder (/assets/).
   */
  scripts: Record<string, string>;
  /** The chunks the entry imports at once, so its page can ask for them beside it. */
  entryImports: string[];
  css: string;
}

/**
 * Bundles the console as ES modules split by route: the entry holds sign-in, the layout and the
 * dashboard; the other screens are a chunk loaded when one is first opened; the code both use is in
 * shared chunks.
 */
export async function buildConsoleAssets(): Promise<ConsoleAssets> {
  const [introspection, css] = await Promise.all([consoleIntrospection(), readFile(path.join(here, 'console.css'), 'utf8')]);
  const outdir = path.join(here, 'out');
  const result = await build({
    entryPoints: { console: path.join(here, 'main.tsx') },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: {
      'process.env.NODE_ENV': '"production"',
      __CONSOLE_SCHEMA__: JSON.stringify(introspection),
    },
    plugins: [splitBarrels],
    legalComments: 'none',
    charset: 'utf8',
    // Nothing is written; the directory only names the outputs and resolves their imports.
    outdir,
    entryNames: '[name].[hash]',
    chunkNames: 'console-[name].[hash]',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const scripts: Record<string, string> = {};
  let bundledCss = '';
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.js')) scripts[path.basename(file.path)] = file.text;
    // Components import no CSS today; if one does, it is loaded with the page's stylesheet.
    else if (file.path.endsWith('.css')) bundledCss += file.text;
  }
  const outputs = result.metafile.outputs;
  const entryKey = Object.keys(outputs).find((key) => outputs[key]!.entryPoint?.endsWith('main.tsx'))!;
  // What the entry imports, and what those import, statically (not the screens it imports later).
  const loadedAtOnce = new Set<string>();
  const toVisit = [entryKey];
  for (let key = toVisit.pop(); key !== undefined; key = toVisit.pop()) {
    for (const record of outputs[key]!.imports) {
      if (record.kind !== 'import-statement' || record.external || loadedAtOnce.has(record.path)) continue;
      loadedAtOnce.add(record.path);
      toVisit.push(record.path);
    }
  }
  const entryImports = [...loadedAtOnce].map((key) => path.basename(key));
  return { entry: path.basename(entryKey), scripts, entryImports, css: css + bundledCss };
}

/** The page shell at /admin/: the stylesheet, the entry script as a module, and its chunks preloaded. */
export function consolePageHtml(options: { scriptUrl: string; styleUrl: string; preloadUrls: string[] }): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Консоль координатора — Мониторинг результатов НОК</title>
<link rel="stylesheet" href="${escapeHtml(options.styleUrl)}">
<script type="module" src="${escapeHtml(options.scriptUrl)}"></script>
${options.preloadUrls.map((url) => `<link rel="modulepreload" href="${escapeHtml(url)}">`).join('\n')}
</head>
<body>
<noscript>Для работы консоли координатора нужен JavaScript.</noscript>
<div id="root"></div>
</body>
</html>
`;
}
