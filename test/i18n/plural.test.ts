import { expect, it } from 'vitest';
import { countOf, plural } from '../../api/src/i18n/plural.ts';

const days = ['день', 'дня', 'дней'] as const;

it.each([
  [0, 'дней'],
  [1, 'день'],
  [2, 'дня'],
  [4, 'дня'],
  [5, 'дней'],
  [11, 'дней'],
  [12, 'дней'],
  [14, 'дней'],
  [21, 'день'],
  [22, 'дня'],
  [101, 'день'],
  [111, 'дней'],
  [1.5, 'дня'],
])('%d → %s', (n, word) => {
  expect(plural(n, days)).toBe(word);
});

it('puts the number before the word', () => {
  expect(countOf(3, ['раздел', 'раздела', 'разделов'])).toBe('3 раздела');
});
