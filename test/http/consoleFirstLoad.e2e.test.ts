// A browser's first load of the console: it asks for the entry script, the chunks the page preloads
// and the stylesheet — the files whose brotli size consoleFirstLoad.test.ts keeps under budget —
// receives them compressed, signs in and shows the dashboard; the other screens' chunk comes only
// when one of them is opened.
import { expect, it } from 'vitest';
import { loadAssets } from '../../api/src/http/assets.ts';
import { consoleBrowserTest, signInToConsole } from '../helpers/console.ts';

const FIRST_LOAD_BUDGET_BROTLI = 350 * 1024;

const test = consoleBrowserTest('first-load', { openWindows: ['nok-2021'] });

interface Transfer {
  file: string;
  status: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
  bytes: number;
}

it('loads the first screen from its own files, compressed, and the other screens when one is opened', async () => {
  const { page } = test;
  const assets = await loadAssets();
  const transfers: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/assets/')) return;
    transfers.push(
      (async () => {
        const response = (await request.response())!;
        const headers = await response.allHeaders();
        return {
          file: url.pathname.slice('/assets/'.length),
          status: response.status(),
          encoding: headers['content-encoding'],
          cacheControl: headers['cache-control'],
          bytes: (await request.sizes()).responseBodySize,
        };
      })(),
    );
  });

  await signInToConsole(test);
  const firstLoad = await Promise.all(transfers);
  const expected = [assets.url('console.js'), assets.url('console.css'), ...assets.consoleImports].map((url) => url.slice('/assets/'.length));
  expect(firstLoad.map((transfer) => transfer.file).sort()).toEqual(expected.sort());
  for (const transfer of firstLoad) {
    expect(transfer.status, transfer.file).toBe(200);
    expect(transfer.cacheControl, transfer.file).toBe('public, max-age=31536000, immutable');
    if (assets.files.get(transfer.file)!.body.byteLength > 1024) expect(['br', 'gzip'], transfer.file).toContain(transfer.encoding);
  }
  const total = firstLoad.reduce((sum, transfer) => sum + transfer.bytes, 0);
  const encodings = [...new Set(firstLoad.map((transfer) => transfer.encoding))].join(', ');
  console.log(`a first load of /admin/ in Chromium: ${(total / 1024).toFixed(1)} KB (${encodings})`);
  if (firstLoad.every((transfer) => transfer.encoding === 'br' || transfer.bytes < 1024)) expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BROTLI);

  // Another screen: its chunk is asked for now, once, and the screen works.
  await page.getByRole('menuitem', { name: 'Опросы' }).click();
  await page.locator('tbody tr').filter({ hasText: 'nok-2021' }).waitFor();
  const later = (await Promise.all(transfers)).slice(firstLoad.length);
  expect(later.length).toBeGreaterThan(0);
  for (const transfer of later) {
    expect(expected).not.toContain(transfer.file);
    expect(transfer.status).toBe(200);
  }
  await page.getByRole('menuitem', { name: 'Аналитика' }).click();
  await page.getByRole('heading', { name: 'Аналитика', level: 1 }).waitFor();
  // Nothing more was needed for another screen.
  expect((await Promise.all(transfers)).length).toBe(firstLoad.length + later.length);
  expect(test.problems).toEqual([]);
});
