// An esbuild plugin for the console's code splitting: it keeps the screens loaded later out of the
// first screen's chunks.
//
// esbuild assigns whole modules to chunks by which entry points reach them through import
// statements, and a barrel such as @mui/material's index (`export { default as Autocomplete } from
// "./Autocomplete/index.mjs"`, and so on for every component) reaches every component it names.
// The entry imports the barrel, so every component that any lazily loaded screen uses was put in a
// chunk the entry loads at once (about 45 KB of brotli more on the first screen). `export * from`
// edges do not count for that (esbuild resolves them to the module that defines the name), so the
// plugin rewrites each named re-export of a barrel as `export *` from a module of its own holding
// only that re-export: a component is then reached only by the code that imports it.
//
// Only barrels (index files with nothing but import and export statements) of the packages below
// are rewritten; any other file is left as it is. Turning an explicit re-export into `export *`
// could make a name ambiguous if the same barrel also exported it through another `export *`:
// esbuild then fails the build ("Ambiguous import"), so such a change in a package cannot go
// unnoticed. `default` is left explicit, since `export *` never re-exports it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

const barrels = /[\\/]node_modules[\\/](?:@mui[\\/]material|ra-core|ra-ui-materialui|react-admin)[\\/](?:.*[\\/])?index\.m?js$/;

const from = String.raw`\s*from\s*["']([^"']+)["']`;
const statement = {
  exportAll: new RegExp(String.raw`^export\s*\*${from}$`),
  exportAllAs: new RegExp(String.raw`^export\s*\*\s*as\s+([\w$]+)${from}$`),
  exportFrom: new RegExp(String.raw`^export\s*\{([^}]*)\}${from}$`),
  exportLocal: /^export\s*\{([^}]*)\}$/,
  importFrom: new RegExp(String.raw`^import\s+(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))?${from}$`),
};

/** `a, b as c` → [['a', 'a'], ['b', 'c']]. */
function specifiers(list: string): [string, string][] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, alias] = item.split(/\s+as\s+/);
      return [name!, alias ?? name!];
    });
}

export interface SplitBarrel {
  /** The barrel's new text: `export * from "\0<name>"` for each name, explicit `default` re-exports, and its `export *` as they were. */
  code: string;
  /** Each name's own module: one re-export statement, resolved from the barrel's folder. */
  modules: Map<string, string>;
}

/** A barrel's statements rewritten, or null if the text is not a barrel or has no named re-export. */
export function splitBarrel(text: string): SplitBarrel | null {
  const statements = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const imported = new Map<string, { name: string; source: string }>();
  const lines: string[] = [];
  const modules = new Map<string, string>();
  const reexport = (exported: string, name: string, source: string) => {
    const line =
      name === '*' ? `export * as ${exported} from ${JSON.stringify(source)}` : `export { ${name} as ${exported} } from ${JSON.stringify(source)}`;
    if (exported === 'default') {
      lines.push(line);
    } else {
      modules.set(exported, line);
      lines.push(`export * from ${JSON.stringify(`\0${exported}`)}`);
    }
  };
  for (const text of statements) {
    const exportAllAs = statement.exportAllAs.exec(text);
    const exportFrom = statement.exportFrom.exec(text);
    const importFrom = statement.importFrom.exec(text);
    const exportLocal = statement.exportLocal.exec(text);
    if (statement.exportAll.test(text)) {
      lines.push(text);
    } else if (exportAllAs) {
      reexport(exportAllAs[1]!, '*', exportAllAs[2]!);
    } else if (exportFrom) {
      for (const [name, exported] of specifiers(exportFrom[1]!)) reexport(exported, name, exportFrom[2]!);
    } else if (importFrom) {
      const source = importFrom[4]!;
      if (importFrom[1]) imported.set(importFrom[1], { name: 'default', source });
      for (const [name, local] of specifiers(importFrom[2] ?? '')) imported.set(local, { name, source });
      if (importFrom[3]) imported.set(importFrom[3], { name: '*', source });
    } else if (exportLocal) {
      for (const [local, exported] of specifiers(exportLocal[1]!)) {
        const binding = imported.get(local);
        if (!binding) return null;
        reexport(exported, binding.name, binding.source);
      }
    } else {
      return null;
    }
  }
  return modules.size ? { code: lines.join(';\n'), modules } : null;
}

export const splitBarrels: Plugin = {
  name: 'split-barrels',
  setup(build) {
    build.onLoad({ filter: barrels }, async (args) => {
      const split = splitBarrel(await readFile(args.path, 'utf8'));
      if (!split) return undefined;
      return { contents: split.code, loader: 'js', resolveDir: path.dirname(args.path), pluginData: split.modules };
    });
    build.onResolve({ filter: /^\0/ }, (args) => ({
      path: `${args.importer}#${args.path.slice(1)}`,
      namespace: 'split-barrel',
      pluginData: { contents: (args.pluginData as SplitBarrel['modules']).get(args.path.slice(1)), resolveDir: path.dirname(args.importer) },
    }));
    build.onLoad({ filter: /.*/, namespace: 'split-barrel' }, (args) => ({
      contents: args.pluginData.contents as string,
      loader: 'js',
      resolveDir: args.pluginData.resolveDir as string,
    }));
  },
};
