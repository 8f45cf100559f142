// Loads Prisma's schema engine compiled to WebAssembly, so migrations need no downloaded binary.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The glue module (schema_engine_bg.js) is one per process, and holds the one wasm instance it was
// last given: a second instantiation would swap the memory under an engine that is running. So the
// instance is kept process-wide, not per copy of this module (a test runner may load it twice).
const bindingsKey = Symbol.for('nok-monitoring.schemaEngineBindings');
const processWide = globalThis as { [bindingsKey]?: Promise<Bindings> };

/** Instantiates the wasm module once per process (Node 20 cannot import .wasm as an ES module). */
function loadBindings(): Promise<Bindings> {
  processWide[bindingsKey] ??= (async () => {
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bg: Bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return processWide[bindingsKey];
}

export async function openSchemaEngine(
  schemaPath: string,
  schemaText: string,
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const log = (message: string) => {
    if (process.env.PRISMA_ENGINE_LOG) console.error(message);
  };
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}
