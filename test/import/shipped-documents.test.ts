// `npm start` imports the copies in prisma/seeds/: they must be the source documents themselves.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url));

it.each([
  ['federal-plan-2016-2018.txt', '001_c4766bc12f8282e9.txt'],
  ['best-practices.txt', '003_99ea86fcc25118d2.txt'],
])('prisma/seeds/%s is seed %s byte for byte', (shipped, seed) => {
  expect(read(`../../prisma/seeds/${shipped}`).equals(read(`../../../shared/seeds/${seed}`))).toBe(true);
});
