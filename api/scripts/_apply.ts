import { openDatabase } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrations.ts';
for (const cfg of [{ kind: 'pglite' as const }, { kind: 'postgresql' as const, url: 'postgresql://postgres@127.0.0.1:5432/scratch_apply' }]) {
  let t = Date.now();
  const db = await openDatabase(cfg);
  console.log('open', Date.now() - t); t = Date.now();
  console.log(cfg.kind, await applyMigrations(db.adapterFactory), Date.now() - t, 'ms'); t = Date.now();
  console.log(await applyMigrations(db.adapterFactory), Date.now() - t, 'ms');
  await db.close();
}
