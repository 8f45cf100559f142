// Bundles the console (react-admin) with esbuild for /assets/console.js and /assets/console.css,
// and gives the HTML shell served at /admin/.
//
// The API answers introspection only to signed-in callers, so the schema is introspected here,
// at build time, from schema.graphql and injected as __CONSOLE_SCHEMA__ (see dataProvider.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema, type IntrospectionType } from 'graphql';

const here = import.meta.dirname;
const schemaFile = path.resolve(here, '../../../schema.graphql');

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

export async function buildConsoleAssets(): Promise<{ js: string; css: string }> {
  const [introspection, css] = await Promise.all([consoleIntrospection(), readFile(path.join(here, 'console.css'), 'utf8')]);
  const result = await build({
    entryPoints: [path.join(here, 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: {
      'process.env.NODE_ENV': '"production"',
      __CONSOLE_SCHEMA__: JSON.stringify(introspection),
    },
    legalComments: 'none',
    // Nothing is written; the directory only names the outputs (console.js, console.css).
    outdir: path.join(here, 'out'),
    entryNames: 'console',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
  // Components import no CSS today; if one does, esbuild emits it beside the script.
  const bundledCss = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  return { js, css: css + bundledCss };
}

export function consolePageHtml(): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Консоль координатора — Мониторинг результатов НОК</title>
<link rel="stylesheet" href="/assets/console.css">
<script src="/assets/console.js" defer></script>
</head>
<body>
<noscript>Для работы консоли координатора нужен JavaScript.</noscript>
<div id="root"></div>
</body>
</html>
`;
}
