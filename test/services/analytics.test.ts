// The analytics arithmetic, recomputed by hand from a fixture of answers: exact expected values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeAnalytics, computeRatios, numberStats } from '../../api/src/services/analytics.ts';
import { DefinitionError, parseDefinition } from '../../api/src/survey/definition.ts';
import { mainSection, options, surveyDocument } from '../helpers/surveyDocument.ts';

const definition = parseDefinition(
  surveyDocument(
    'fixture-2023',
    mainSection([
      {
        code: 'kind',
        type: 'singleChoice',
        label: 'Вид',
        options: options(['a', 'Первый'], ['b', 'Второй'], ['c', 'Третий']),
      },
      {
        code: 'forms',
        type: 'multipleChoice',
        label: 'Формы',
        options: options(['x', 'Икс'], ['y', 'Игрек']),
      },
      { code: 'orgs', type: 'number', label: 'Организаций' },
      { code: 'refused', type: 'boolean', label: 'Отказ' },
      { code: 'price', type: 'yearMatrix', label: 'Цена', years: [2021, 2022], cell: { type: 'number', min: 0 } },
      {
        code: 'method',
        type: 'yearMatrix',
        label: 'Способ',
        years: [2021, 2022],
        cell: {
          type: 'singleChoice',
          options: options(['auction', 'Аукцион'], ['other', 'Иное']),
        },
      },
      { code: 'note', type: 'text', label: 'Комментарий' },
    ]),
  ),
);

// Four submitted questionnaires; the fourth leaves most questions blank.
const answers = [
  {
    kind: 'a',
    forms: ['x', 'y'],
    orgs: 10,
    refused: false,
    price: { '2021': 100, '2022': 200 },
    method: { '2021': 'auction', '2022': 'auction' },
    note: 'т',
  },
  { kind: 'a', forms: ['x'], orgs: 3, refused: true, price: { '2021': 50 }, method: { '2021': 'other', '2022': 'auction' } },
  { kind: 'b', forms: ['y'], orgs: 7, refused: false, price: { '2021': 0, '2022': 400 }, method: { '2022': 'other' } },
  { kind: 'b', forms: [], orgs: 4 },
];

const figures = Object.fromEntries(computeAnalytics({ definition, answers }).map((question) => [question.code, question]));

describe('computeAnalytics', () => {
  it('single choice: count and share of each option among those who answered', () => {
    expect(figures.kind!.answered).toBe(4);
    expect(figures.kind!.options).toMatchObject([
      { code: 'a', label: 'Первый', count: 2, share: 0.5 },
      { code: 'b', label: 'Второй', count: 2, share: 0.5 },
      { code: 'c', label: 'Третий', count: 0, share: 0 },
    ]);
  });

  it('multiple choice: share of respondents choosing each option (an empty choice is no answer)', () => {
    expect(figures.forms!.answered).toBe(3);
    expect(figures.forms!.options).toMatchObject([
      { code: 'x', label: 'Икс', count: 2, share: 2 / 3 },
      { code: 'y', label: 'Игрек', count: 2, share: 2 / 3 },
    ]);
  });

  it('numbers: count, mean, min, max, median (even count: mean of the middle two)', () => {
    expect(figures.orgs!.numbers).toMatchObject({ count: 4, sum: 24, mean: 6, min: 3, max: 10, median: 5.5 });
    expect(numberStats([5, 1, 3])).toMatchObject({ count: 3, sum: 9, mean: 3, min: 1, max: 5, median: 3 });
    expect(numberStats([])).toBeNull();
  });

  it('booleans as Да/Нет shares', () => {
    expect(figures.refused!.options).toMatchObject([
      { code: 'true', label: 'Да', count: 1, share: 1 / 3 },
      { code: 'false', label: 'Нет', count: 2, share: 2 / 3 },
    ]);
  });

  it('year matrices: the same per year — stats of numbers, shares of options', () => {
    expect(figures.price!.answered).toBe(3);
    expect([figures.price!.cellType, figures.method!.cellType, figures.kind!.cellType]).toEqual(['number', 'singleChoice', null]);
    expect(figures.price!.years).toMatchObject([
      { year: 2021, answered: 3, options: null, numbers: { count: 3, mean: 50, min: 0, max: 100, median: 50 } },
      { year: 2022, answered: 2, options: null, numbers: { count: 2, mean: 300, min: 200, max: 400, median: 300 } },
    ]);
    expect(figures.method!.years).toMatchObject([
      {
        year: 2021,
        answered: 2,
        numbers: null,
        options: [
          { code: 'auction', label: 'Аукцион', count: 1, share: 0.5 },
          { code: 'other', label: 'Иное', count: 1, share: 0.5 },
        ],
      },
      {
        year: 2022,
        answered: 3,
        numbers: null,
        options: [
          { code: 'auction', label: 'Аукцион', count: 2, share: 2 / 3 },
          { code: 'other', label: 'Иное', count: 1, share: 1 / 3 },
        ],
      },
    ]);
  });

  it('free text: how many answered and the answers', () => {
    expect(figures.note).toMatchObject({
      answered: 1,
      options: null,
      numbers: null,
      years: null,
      texts: [{ text: 'т', region: null }],
      textsTotal: 1,
    });
  });
});

// Ratios (seed 002's cost per organisation and per respondent), from a fixture of three matrices.
const ratioDocument = (ratios: unknown[], extra: unknown[] = []) =>
  surveyDocument(
    'ratios-2023',
    [
      {
        code: 'operator',
        title: 'Оператор',
        questions: [
          { code: 'price', type: 'yearMatrix', label: 'Цена контракта', years: [2021, 2022], cell: { type: 'number', min: 0 } },
          { code: 'orgs', type: 'yearMatrix', label: 'Организаций', years: [2021, 2022], cell: { type: 'number', min: 0, integer: true } },
          { code: 'people', type: 'yearMatrix', label: 'Респондентов', years: [2021, 2022], cell: { type: 'number', min: 0, integer: true } },
          { code: 'budget', type: 'number', label: 'Бюджет' },
          { code: 'staff', type: 'number', label: 'Штат' },
          ...extra,
        ],
      },
    ],
    { analytics: { ratios } },
  );

const ratioDefinition = parseDefinition(
  ratioDocument([
    { code: 'per_org', label: 'На одну организацию', numerator: 'price', denominator: 'orgs', unit: 'тыс. руб.' },
    { code: 'per_person', label: 'На одного респондента', numerator: 'price', denominator: 'people', unit: 'руб.', scale: 1000 },
    { code: 'per_head', label: 'На одного сотрудника', numerator: 'budget', denominator: 'staff' },
  ]),
);

// A: everything; B: a zero denominator in 2021, no price in 2022; C: no respondents in 2022; D: nothing.
const ratioAnswers = [
  { price: { '2021': 100, '2022': 200 }, orgs: { '2021': 10, '2022': 4 }, people: { '2021': 1000, '2022': 500 }, budget: 90, staff: 3 },
  { price: { '2021': 50 }, orgs: { '2021': 0, '2022': 5 }, people: { '2021': 200 }, budget: 10, staff: 0 },
  { price: { '2021': 30, '2022': 90 }, orgs: { '2021': 2, '2022': 3 }, people: { '2021': 60 }, budget: 40, staff: 2 },
  {},
];

describe('computeRatios', () => {
  const ratios = Object.fromEntries(computeRatios({ definition: ratioDefinition, answers: ratioAnswers }).map((ratio) => [ratio.code, ratio]));
  const close = (actual: Record<string, number | null>, expected: Record<string, number | null>) => {
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(actual[key], key).toBeNull();
      else expect(actual[key], key).toBeCloseTo(value, 9);
    }
  };

  it('per organisation: own ratios skip a zero or missing denominator; the aggregate is Σ price ÷ Σ organisations', () => {
    expect(ratios.per_org).toMatchObject({ label: 'На одну организацию', unit: 'тыс. руб.', numerator: 'price', denominator: 'orgs' });
    // 2021: A 100/10 = 10, C 30/2 = 15; B (0 organisations) skipped; aggregate 130/12.
    close(ratios.per_org!.years[0]! as any, {
      year: 2021,
      count: 2,
      skipped: 1,
      mean: 12.5,
      min: 10,
      max: 15,
      median: 12.5,
      aggregate: 10.833333333,
    });
    // 2022: A 200/4 = 50, C 90/3 = 30; B gives organisations but no price: skipped; aggregate 290/7.
    close(ratios.per_org!.years[1]! as any, { year: 2022, count: 2, skipped: 1, mean: 40, min: 30, max: 50, median: 40, aggregate: 41.428571429 });
  });

  it('per respondent with scale 1000: thousand roubles become roubles', () => {
    // 2021: A 100 000/1000 = 100, B 50 000/200 = 250, C 30 000/60 = 500; aggregate 180 000/1260.
    close(ratios.per_person!.years[0]! as any, {
      year: 2021,
      count: 3,
      skipped: 0,
      mean: 283.333333333,
      min: 100,
      max: 500,
      median: 250,
      aggregate: 142.857142857,
    });
    // 2022: only A (200 000/500 = 400); C has a price but no respondents.
    close(ratios.per_person!.years[1]! as any, { year: 2022, count: 1, skipped: 1, mean: 400, min: 400, max: 400, median: 400, aggregate: 400 });
  });

  it('plain numbers: one entry for the survey year', () => {
    // A 90/3 = 30, C 40/2 = 20, B (staff 0) skipped; aggregate 130/5 = 26.
    close(ratios.per_head!.years[0]! as any, { year: 2023, count: 2, skipped: 1, mean: 25, min: 20, max: 30, median: 25, aggregate: 26 });
    expect(ratios.per_head!.unit).toBeNull();
  });

  it('no usable pair: counts 0 and nulls, never a division by zero', () => {
    const [ratio] = computeRatios({ definition: ratioDefinition, answers: [ratioAnswers[1]!, {}] });
    close(ratio!.years[0]! as any, { year: 2021, count: 0, skipped: 1, mean: null, min: null, max: null, median: null, aggregate: null });
    close(ratio!.years[1]! as any, { year: 2022, count: 0, skipped: 1, mean: null, min: null, max: null, median: null, aggregate: null });
  });

  it('a definition without analytics has no ratios', () => {
    expect(computeRatios({ definition, answers })).toEqual([]);
  });
});

describe('analytics.ratios in the definition', () => {
  const problems = (ratios: unknown[], extra: unknown[] = []) => {
    try {
      parseDefinition(ratioDocument(ratios, extra));
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(DefinitionError);
      return (error as DefinitionError).problems;
    }
  };

  it('refuses unknown and non-numeric questions, mixed shapes, different years and duplicate codes', () => {
    const extra = [
      {
        code: 'method',
        type: 'yearMatrix',
        label: 'Способ',
        years: [2021, 2022],
        cell: { type: 'singleChoice', options: [{ code: 'a', label: 'А' }] },
      },
      { code: 'later', type: 'yearMatrix', label: 'Позже', years: [2022, 2023], cell: { type: 'number' } },
      { code: 'note', type: 'text', label: 'Текст' },
    ];
    expect(
      problems(
        [
          { code: 'r1', label: 'Р', numerator: 'nope', denominator: 'orgs' },
          { code: 'r2', label: 'Р', numerator: 'price', denominator: 'method' },
          { code: 'r3', label: 'Р', numerator: 'note', denominator: 'staff' },
          { code: 'r4', label: 'Р', numerator: 'price', denominator: 'staff' },
          { code: 'r5', label: 'Р', numerator: 'price', denominator: 'later' },
          { code: 'r5', label: 'Р', numerator: 'budget', denominator: 'staff', scale: 0 },
        ],
        extra,
      ),
    ).toEqual([
      { path: 'analytics.ratios.5.scale', message: expect.stringContaining('>0') },
      { path: 'analytics.ratios.0.numerator', message: 'unknown question "nope"' },
      { path: 'analytics.ratios.1.denominator', message: 'question "method" is not a number or a year matrix of numbers' },
      { path: 'analytics.ratios.2.numerator', message: 'question "note" is not a number or a year matrix of numbers' },
      { path: 'analytics.ratios.3.denominator', message: 'numerator and denominator must both be numbers or both year matrices' },
      { path: 'analytics.ratios.4.denominator', message: 'numerator and denominator must have the same years' },
      { path: 'analytics.ratios.5.code', message: 'duplicate ratio code "r5"' },
    ]);
  });

  it('nok-2023.json names the cost per organisation (thousand roubles) and per respondent (roubles)', () => {
    const nok2023 = parseDefinition(JSON.parse(readFileSync(new URL('../../prisma/surveys/nok-2023.json', import.meta.url), 'utf8')));
    expect(nok2023.analytics?.ratios).toEqual([
      {
        code: 'cost_per_organisation',
        label: 'Стоимость НОК в расчёте на одну организацию',
        numerator: 'operator_contract_price',
        denominator: 'operator_orgs_assessed',
        unit: 'тыс. руб.',
        scale: 1,
      },
      {
        code: 'cost_per_respondent',
        label: 'Стоимость НОК в расчёте на одного респондента',
        numerator: 'operator_contract_price',
        denominator: 'operator_respondents',
        unit: 'руб.',
        scale: 1000,
      },
    ]);
  });
});
