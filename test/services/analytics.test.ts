// The analytics arithmetic, recomputed by hand from a fixture of answers: exact expected values.
import { describe, expect, it } from 'vitest';
import { computeAnalytics, numberStats } from '../../api/src/services/analytics.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';

const definition = parseDefinition({
  format: 1,
  code: 'fixture-2023',
  title: 'Проверка',
  year: 2023,
  window: { opensAt: '2023-08-30T00:00:00+03:00', closesAt: '2023-09-19T00:00:00+03:00' },
  sections: [
    {
      code: 'main',
      title: 'Раздел',
      questions: [
        { code: 'kind', type: 'singleChoice', label: 'Вид', options: [{ code: 'a', label: 'Первый' }, { code: 'b', label: 'Второй' }, { code: 'c', label: 'Третий' }] },
        { code: 'forms', type: 'multipleChoice', label: 'Формы', options: [{ code: 'x', label: 'Икс' }, { code: 'y', label: 'Игрек' }] },
        { code: 'orgs', type: 'number', label: 'Организаций' },
        { code: 'refused', type: 'boolean', label: 'Отказ' },
        { code: 'price', type: 'yearMatrix', label: 'Цена', years: [2021, 2022], cell: { type: 'number', min: 0 } },
        {
          code: 'method',
          type: 'yearMatrix',
          label: 'Способ',
          years: [2021, 2022],
          cell: { type: 'singleChoice', options: [{ code: 'auction', label: 'Аукцион' }, { code: 'other', label: 'Иное' }] },
        },
        { code: 'note', type: 'text', label: 'Комментарий' },
      ],
    },
  ],
});

// Four submitted questionnaires; the fourth leaves most questions blank.
const answers = [
  { kind: 'a', forms: ['x', 'y'], orgs: 10, refused: false, price: { '2021': 100, '2022': 200 }, method: { '2021': 'auction', '2022': 'auction' }, note: 'т' },
  { kind: 'a', forms: ['x'], orgs: 3, refused: true, price: { '2021': 50 }, method: { '2021': 'other', '2022': 'auction' } },
  { kind: 'b', forms: ['y'], orgs: 7, refused: false, price: { '2021': 0, '2022': 400 }, method: { '2022': 'other' } },
  { kind: 'b', forms: [], orgs: 4 },
];

const figures = Object.fromEntries(computeAnalytics({ definition, answers }).map((question) => [question.code, question]));

describe('computeAnalytics', () => {
  it('single choice: count and share of each option among those who answered', () => {
    expect(figures.kind!.answered).toBe(4);
    expect(figures.kind!.options).toEqual([
      { code: 'a', label: 'Первый', count: 2, share: 0.5 },
      { code: 'b', label: 'Второй', count: 2, share: 0.5 },
      { code: 'c', label: 'Третий', count: 0, share: 0 },
    ]);
  });

  it('multiple choice: share of respondents choosing each option (an empty choice is no answer)', () => {
    expect(figures.forms!.answered).toBe(3);
    expect(figures.forms!.options).toEqual([
      { code: 'x', label: 'Икс', count: 2, share: 2 / 3 },
      { code: 'y', label: 'Игрек', count: 2, share: 2 / 3 },
    ]);
  });

  it('numbers: count, mean, min, max, median (even count: mean of the middle two)', () => {
    expect(figures.orgs!.numbers).toEqual({ count: 4, mean: 6, min: 3, max: 10, median: 5.5 });
    expect(numberStats([5, 1, 3])).toEqual({ count: 3, mean: 3, min: 1, max: 5, median: 3 });
    expect(numberStats([])).toBeNull();
  });

  it('booleans as Да/Нет shares', () => {
    expect(figures.refused!.options).toEqual([
      { code: 'true', label: 'Да', count: 1, share: 1 / 3 },
      { code: 'false', label: 'Нет', count: 2, share: 2 / 3 },
    ]);
  });

  it('year matrices: the same per year — stats of numbers, shares of options', () => {
    expect(figures.price!.answered).toBe(3);
    expect(figures.price!.years).toEqual([
      { year: 2021, answered: 3, options: null, numbers: { count: 3, mean: 50, min: 0, max: 100, median: 50 } },
      { year: 2022, answered: 2, options: null, numbers: { count: 2, mean: 300, min: 200, max: 400, median: 300 } },
    ]);
    expect(figures.method!.years).toEqual([
      { year: 2021, answered: 2, numbers: null, options: [{ code: 'auction', label: 'Аукцион', count: 1, share: 0.5 }, { code: 'other', label: 'Иное', count: 1, share: 0.5 }] },
      { year: 2022, answered: 3, numbers: null, options: [{ code: 'auction', label: 'Аукцион', count: 2, share: 2 / 3 }, { code: 'other', label: 'Иное', count: 1, share: 1 / 3 }] },
    ]);
  });

  it('free text: only how many answered', () => {
    expect(figures.note).toMatchObject({ answered: 1, options: null, numbers: null, years: null });
  });
});
