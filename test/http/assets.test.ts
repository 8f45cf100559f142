// The static assets are built once for a state of their sources and then only read.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { builtAssets, sourcesHash } from '../../api/src/http/assets.ts';

const cacheDir = await mkdtemp(path.join(tmpdir(), 'nok-assets-'));
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

it('builds into a folder named by the hash of the sources, then reads it back without building', async () => {
  const first = await builtAssets(cacheDir);
  expect(first.built).toBe(true);
  expect(Object.keys(first.bodies).sort()).toEqual(['console.css', 'console.js', 'form.css', 'form.js', 'register.js', 'site.css']);
  expect(first.bodies['console.js']).toContain('react-admin');
  const key = await sourcesHash();
  expect(await readdir(cacheDir)).toEqual([key]);

  const second = await builtAssets(cacheDir);
  expect(second.built).toBe(false);
  expect(second.bodies).toEqual(first.bodies);
}, 60_000);

it('builds again when a built file is missing, repairs the cache, and drops builds of other sources', async () => {
  const key = await sourcesHash();
  await rm(path.join(cacheDir, key, 'console.js'));
  await mkdir(path.join(cacheDir, '0123456789abcdef'));
  const again = await builtAssets(cacheDir);
  expect(again.built).toBe(true);
  expect(again.bodies['console.js']).toContain('react-admin');
  expect(await readdir(cacheDir)).toEqual([key]);
  expect((await builtAssets(cacheDir)).built).toBe(false);
}, 60_000);
