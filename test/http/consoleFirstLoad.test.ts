// The console is split by route: a first load of /admin/ (sign-in, then the dashboard) transfers its
// entry script, the chunks that script imports and its stylesheet — at most 350 KB as brotli — and
// the other screens come later, in a chunk of their own. The browser test beside this one
// (consoleFirstLoad.e2e.test.ts) checks that a browser asks for exactly these files.
import { expect, it } from 'vitest';
import { builtAssets } from '../../api/src/http/assets.ts';

const FIRST_LOAD_BUDGET_BROTLI = 350 * 1024;

const { assets } = await builtAssets();
const firstLoad = [assets.names['console.js'], ...assets.consoleImports, assets.names['console.css']];
const brotliBytes = (file: string) => (assets.encoded[file]?.br ?? assets.files[file]!).byteLength;
const scripts = Object.keys(assets.files).filter((file) => file.startsWith('console') && file.endsWith('.js'));
const later = scripts.filter((file) => !firstLoad.includes(file));
const text = (files: string[]) => files.map((file) => assets.files[file]!.toString()).join('\n');

it(`transfers at most ${FIRST_LOAD_BUDGET_BROTLI / 1024} KB (brotli) on a first load of /admin/`, () => {
  const total = firstLoad.reduce((sum, file) => sum + brotliBytes(file), 0);
  console.log(
    `console first load: ${(total / 1024).toFixed(1)} KB brotli` +
      ` (${firstLoad.map((file) => `${file} ${(brotliBytes(file) / 1024).toFixed(1)} KB`).join(', ')});` +
      ` later: ${later.map((file) => `${file} ${(brotliBytes(file) / 1024).toFixed(1)} KB`).join(', ')}`,
  );
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BROTLI);
});

it('keeps the sign-in and the dashboard in the first load and the other screens out of it', () => {
  const first = text(firstLoad);
  // The dashboard's window control and the sign-in page's heading.
  // (Compared as booleans: the scripts are long.)
  expect(first.includes('Продлить для региона')).toBe(true);
  expect(first.includes('Консоль координатора')).toBe(true);
  // Screens a coordinator opens later: the definition import (Опросы), the reminders, the analytics.
  expect(later.length).toBeGreaterThan(0);
  for (const wording of ['Импортировать определение', 'reminder-recipients', 'Отправленные анкеты есть от всех регионов']) {
    expect(first.includes(wording), wording).toBe(false);
    expect(text(later).includes(wording), wording).toBe(true);
  }
});
