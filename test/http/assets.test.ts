// The static assets are built (and compressed) once for a state of their sources and then only
// read; each file is named by a hash of its content.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { builtAssets, sourcesHash } from '../../api/src/http/assets.ts';

const cacheDir = await mkdtemp(path.join(tmpdir(), 'nok-assets-'));
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

it('builds into a folder named by the hash of the sources, then reads it back without building', async () => {
  const first = await builtAssets(cacheDir);
  expect(first.built).toBe(true);
  const { names, files } = first.assets;
  expect(Object.keys(names).sort()).toEqual(['console.css', 'console.js', 'form.css', 'form.js', 'register.js', 'site.css']);
  expect(files[names['console.js']]!.toString()).toContain('react-admin');
  const key = await sourcesHash();
  expect(await readdir(cacheDir)).toEqual([key]);

  const second = await builtAssets(cacheDir);
  expect(second.built).toBe(false);
  expect(second.assets).toEqual(first.assets);
  expect(second.bodies).toEqual(first.bodies);
}, 60_000);

it('names every file by a hash of its content', async () => {
  const { assets } = await builtAssets(cacheDir);
  for (const name of ['register.js', 'site.css', 'form.js', 'form.css', 'console.css'] as const) {
    const file = assets.names[name];
    const [base, ext] = name.split('.');
    const hash = createHash('sha256').update(assets.files[file]!).digest('hex').slice(0, 10);
    expect(file).toBe(`${base}.${hash}.${ext}`);
  }
  // The console's scripts import one another, so esbuild names them (by a hash of their content too).
  const scripts = Object.keys(assets.files).filter((file) => file.startsWith('console') && file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  for (const file of scripts) expect(file).toMatch(/^console(-[a-z]+)?\.[A-Z0-9]{8}\.js$/);
  expect(scripts).toContain(assets.names['console.js']);
  for (const chunk of assets.consoleImports) expect(scripts).toContain(chunk);
});

it('compresses every file once, in both encodings, to bytes that decompress to the file', async () => {
  const { assets } = await builtAssets(cacheDir);
  for (const [file, body] of Object.entries(assets.files)) {
    const { br, gzip } = assets.encoded[file] ?? {};
    if (body.byteLength < 1024) continue;
    expect(br && gzip, file).toBeTruthy();
    expect(br!.byteLength, file).toBeLessThan(gzip!.byteLength);
    expect(brotliDecompressSync(br!).equals(body), file).toBe(true);
    expect(gunzipSync(gzip!).equals(body), file).toBe(true);
  }
});

it('builds again when a built file is missing, repairs the cache, and drops builds of other sources', async () => {
  const key = await sourcesHash();
  const { assets } = await builtAssets(cacheDir);
  await rm(path.join(cacheDir, key, assets.names['console.js']));
  await mkdir(path.join(cacheDir, '0123456789abcdef'));
  const again = await builtAssets(cacheDir);
  expect(again.built).toBe(true);
  expect(again.assets.files[again.assets.names['console.js']]!.toString()).toContain('react-admin');
  expect(await readdir(cacheDir)).toEqual([key]);
  expect((await builtAssets(cacheDir)).built).toBe(false);
}, 60_000);
