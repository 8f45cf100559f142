// Issue 14, points 1–4 and 8, recomputed by hand from small fixtures of answers: shares of a multiple
// choice by respondents and by mentions (per year and pooled), n per question, year and group field,
// «не применимо» and optional years in the definition, fields of repeatable groups, totals, regions at
// the extremes and per option, free-text answers; and disclosure control (primary and secondary).
import { describe, expect, it } from 'vitest';
import { computeAnalytics, computeRatios, type QuestionFigures, type RegionRef } from '../../api/src/services/analyticsCompute.ts';
import { discloseQuestions, discloseRatios, disclosureThreshold } from '../../api/src/services/disclosure.ts';
import { type DefinitionError, parseDefinition } from '../../api/src/survey/definition.ts';
import { type AnswerValue, type Catalog, computeCompletion, validateSection } from '../../api/src/survey/engine.ts';
import { mainSection, options, surveyDocument } from '../helpers/surveyDocument.ts';

const catalog: Catalog = { regionCodes: new Set(), measureTypeCodes: new Set() };

const document = (analytics: unknown = {}) =>
  surveyDocument(
    'methods-2023',
    mainSection([
      {
        code: 'control',
        type: 'yearMatrix',
        label: 'Формы контроля',
        required: true,
        years: [2022, 2023],
        optionalYears: [2022],
        notApplicable: 'Не применимо (оператор не привлекался)',
        cell: {
          type: 'multipleChoice',
          options: options(['x', 'Икс'], ['y', 'Игрек'], ['z', 'Зет']),
        },
      },
      {
        code: 'forms',
        type: 'multipleChoice',
        label: 'Формы',
        options: options(['a', 'А'], ['b', 'Б']),
      },
      { code: 'orgs', type: 'number', label: 'Организаций' },
      { code: 'programme', type: 'text', label: 'Программа' },
      {
        code: 'practices',
        type: 'group',
        label: 'Практики',
        itemLabel: 'Практика',
        maxItems: 10,
        fields: [
          { code: 'title', type: 'text', label: 'Наименование' },
          {
            code: 'level',
            type: 'singleChoice',
            label: 'Уровень',
            options: options(['org', 'Организация'], ['reg', 'Субъект']),
          },
          {
            code: 'kinds',
            type: 'multipleChoice',
            label: 'Виды',
            options: options(['p', 'П'], ['q', 'Ку']),
          },
        ],
      },
    ]),
    { analytics },
  );

const definition = parseDefinition(document({ shares: { control: 'mentions', 'practices.kinds': 'mentions' } }));
const region = (code: string, name: string): RegionRef => ({ code, name });
const ALT = region('RU-ALT', 'Алтайский край');
const MOW = region('RU-MOW', 'Москва');
const TVE = region('RU-TVE', 'Тверская область');
const KDA = region('RU-KDA', 'Краснодарский край');

// Four questionnaires. Control: 2022 — A x,y; B n/a; C x; D skipped. 2023 — A x,y,z; B x; C y; D x,y.
const answers = [
  {
    control: { '2022': ['x', 'y'], '2023': ['x', 'y', 'z'] },
    forms: ['a', 'b'],
    orgs: 10,
    programme: 'Социальная поддержка граждан',
    practices: [
      { title: 'П1', level: 'org', kinds: ['p', 'q'] },
      { title: 'П2', level: 'reg', kinds: ['p'] },
    ],
  },
  { control: { '2022': { notApplicable: true }, '2023': ['x'] }, forms: ['a'], orgs: 2, practices: [{ title: 'П3', level: 'org' }] },
  { control: { '2022': ['x'], '2023': ['y'] }, forms: ['a'], orgs: 10, programme: 'Развитие' },
  { control: { '2023': ['x', 'y'] }, orgs: 5, practices: [{ title: 'П4', level: 'org', kinds: ['q'] }] },
];
const regions = [ALT, MOW, TVE, KDA];

const compute = () =>
  Object.fromEntries(computeAnalytics({ definition, answers, regions }).map((question) => [question.code, question])) as Record<
    string,
    QuestionFigures
  >;
const option = (column: { options: { code: string }[] | null } | null | undefined, code: string) =>
  column?.options?.find((candidate) => candidate.code === code) as any;

describe('shares of a multiple choice: by respondents and by mentions', () => {
  const figures = compute();

  it('per year: n excludes «не применимо» and skipped years; both shares given, `share` by the definition’s method', () => {
    const [y2022, y2023] = figures.control!.years!;
    // 2022: A (x, y) and C (x) answered; B «не применимо»; D skipped. Mentions: x 2, y 1 = 3.
    expect(y2022).toMatchObject({ year: 2022, answered: 2, notApplicable: 1, mentions: 3, method: 'mentions' });
    expect(option(y2022, 'x')).toMatchObject({ count: 2, shareOfRespondents: 1, shareOfMentions: 2 / 3, share: 2 / 3 });
    expect(option(y2022, 'y')).toMatchObject({ count: 1, shareOfRespondents: 0.5, shareOfMentions: 1 / 3 });
    // 2023: all four answered; x 3, y 3, z 1 = 7 mentions.
    expect(y2023).toMatchObject({ year: 2023, answered: 4, notApplicable: 0, mentions: 7 });
    expect(option(y2023, 'x')).toMatchObject({ count: 3, shareOfRespondents: 0.75, shareOfMentions: 3 / 7, share: 3 / 7 });
    expect(option(y2023, 'z')).toMatchObject({ count: 1, shareOfRespondents: 0.25, shareOfMentions: 1 / 7 });
    // Mentions add up to 100 %, respondents' shares to more.
    expect(y2023!.options!.reduce((sum, o) => sum + o.shareOfMentions!, 0)).toBeCloseTo(1, 12);
    expect(y2023!.options!.reduce((sum, o) => sum + o.shareOfRespondents!, 0)).toBeCloseTo(7 / 4, 12);
  });

  it('pooled over the years: respondent-years (2 + 4 = 6) and mentions (3 + 7 = 10)', () => {
    const pooled = figures.control!.pooled!;
    expect(pooled).toMatchObject({ answered: 6, notApplicable: 1, mentions: 10, method: 'mentions' });
    expect(option(pooled, 'x')).toMatchObject({ count: 5, shareOfRespondents: 5 / 6, shareOfMentions: 0.5, share: 0.5 });
    expect(option(pooled, 'y')).toMatchObject({ count: 4, shareOfMentions: 0.4 });
    expect(figures.control!.answered).toBe(4);
  });

  it('a multiple choice without a method in the definition is counted by respondents; n is its own', () => {
    expect(figures.forms).toMatchObject({ answered: 3, mentions: 4, method: 'respondents' });
    expect(option(figures.forms, 'a')).toMatchObject({ count: 3, share: 1, shareOfRespondents: 1, shareOfMentions: 0.75 });
    expect(option(figures.forms, 'b')).toMatchObject({ count: 1, share: 1 / 3, shareOfMentions: 0.25 });
  });

  it('lists the regions per option, by name', () => {
    expect(option(figures.forms, 'a').regions).toEqual([MOW, TVE, ALT].sort((p, q) => p.name.localeCompare(q.name, 'ru')));
    expect(option(figures.control!.years![1], 'z').regions).toEqual([ALT]);
  });
});

describe('numbers, texts and groups', () => {
  const figures = compute();

  it('numbers: the total and the regions at the minimum and the maximum (ties: every region)', () => {
    expect(figures.orgs!.numbers).toEqual({
      count: 4,
      sum: 27,
      mean: 6.75,
      min: 2,
      max: 10,
      median: 7.5,
      minRegions: [MOW],
      maxRegions: [ALT, TVE],
    });
  });

  it('free-text answers listed with their region', () => {
    expect(figures.programme).toMatchObject({ answered: 2, textsTotal: 2 });
    expect(figures.programme!.texts).toEqual([
      { text: 'Социальная поддержка граждан', region: ALT },
      { text: 'Развитие', region: TVE },
    ]);
  });

  it("a repeatable group's fields over all items: n per field, items, shares of items (and of mentions where set)", () => {
    const practices = figures.practices!;
    expect(practices).toMatchObject({ answered: 3, items: 4 });
    const field = (code: string) => practices.fields!.find((candidate) => candidate.code === code)!;
    // Levels: 4 items, 3 at «Организация» (from 3 questionnaires), 1 at «Субъект».
    expect(field('level')).toMatchObject({ answered: 4, respondents: 3, method: 'respondents', mentions: 4 });
    expect(option(field('level'), 'org')).toMatchObject({ count: 3, respondents: 3, share: 0.75 });
    expect(option(field('level'), 'reg')).toMatchObject({ count: 1, respondents: 1, share: 0.25, regions: [ALT] });
    // Kinds (by mentions): 3 items answered; p 2, q 2 → 4 mentions.
    expect(field('kinds')).toMatchObject({ answered: 3, respondents: 2, mentions: 4, method: 'mentions' });
    expect(option(field('kinds'), 'p')).toMatchObject({ count: 2, respondents: 1, share: 0.5, shareOfRespondents: 2 / 3 });
    expect(field('title').texts!.map((text) => text.text)).toEqual(['П1', 'П2', 'П3', 'П4']);
  });

  it('the ratios name the regions at their extremes', () => {
    const ratioDefinition = parseDefinition({
      ...document(),
      sections: mainSection([
        { code: 'price', type: 'number', label: 'Цена' },
        { code: 'n', type: 'number', label: 'Число' },
      ]),
      analytics: { ratios: [{ code: 'per', label: 'На одну', numerator: 'price', denominator: 'n' }] },
    });
    const [ratio] = computeRatios({
      definition: ratioDefinition,
      answers: [
        { price: 10, n: 5 },
        { price: 9, n: 1 },
        { price: 4, n: 2 },
      ],
      regions: [ALT, MOW, TVE],
    });
    expect(ratio!.years[0]).toMatchObject({
      min: 2,
      max: 9,
      minRegions: [ALT, TVE].sort((p, q) => p.name.localeCompare(q.name, 'ru')),
      maxRegions: [MOW],
    });
  });
});

describe('«не применимо» and optional years in the definition format', () => {
  it('stores a year marked «не применимо» as { notApplicable: true } only where the matrix allows it', () => {
    const ok = validateSection(definition, 'main', { control: { '2022': { notApplicable: true }, '2023': ['x'] } }, catalog);
    expect(ok).toEqual({ ok: true, values: expect.objectContaining({ control: { '2022': { notApplicable: true }, '2023': ['x'] } }) });
    const plain = parseDefinition(document());
    const withoutMark = {
      ...plain,
      sections: plain.sections.map((section) => ({
        ...section,
        questions: section.questions.map((question) => (question.type === 'yearMatrix' ? { ...question, notApplicable: undefined } : question)),
      })),
    };
    const refused = validateSection(withoutMark, 'main', { control: { '2022': { notApplicable: true } } }, catalog);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.errors.map((error) => [error.path, error.code])).toEqual([['control.2022', 'WRONG_TYPE']]);
  });

  it('completion: an optional year need not be answered; «не применимо» holds', () => {
    const required = (control: AnswerValue) => computeCompletion(definition, { control }).sections[0]!.missing.includes('control');
    expect(required({ '2023': ['x'] })).toBe(false);
    expect(required({ '2022': ['x'] })).toBe(true);
    expect(required({ '2023': { notApplicable: true } })).toBe(false);
  });

  it('refuses an optional year the matrix does not have, and analytics keys that name nothing of the right type', () => {
    const problems = (change: (doc: any) => void) => {
      const doc = document() as any;
      change(doc);
      try {
        parseDefinition(doc);
        return [];
      } catch (error) {
        return (error as DefinitionError).problems;
      }
    };
    expect(problems((doc) => (doc.sections[0].questions[0].optionalYears = [2021]))).toEqual([
      { path: 'sections.0.questions.0.optionalYears.0', message: "year 2021 is not one of the matrix's years" },
    ]);
    expect(
      problems(
        (doc) =>
          (doc.analytics = { shares: { orgs: 'mentions', 'practices.level': 'mentions' }, publishTexts: ['orgs'], captions: { nope: 'Рисунок' } }),
      ),
    ).toEqual([
      { path: 'analytics.shares.orgs', message: '"orgs" is not a multiple choice' },
      { path: 'analytics.shares.practices.level', message: '"practices.level" is not a multiple choice' },
      { path: 'analytics.captions.nope', message: 'unknown question "nope"' },
      { path: 'analytics.publishTexts.0', message: '"orgs" is not a text question' },
    ]);
  });
});

describe('disclosure control', () => {
  it('the threshold comes from ANALYTICS_MIN_CELL (default 3); nonsense stops', () => {
    expect(disclosureThreshold({})).toBe(3);
    expect(disclosureThreshold({ ANALYTICS_MIN_CELL: '5' })).toBe(5);
    expect(() => disclosureThreshold({ ANALYTICS_MIN_CELL: 'three' })).toThrow(/ANALYTICS_MIN_CELL/);
  });

  const choiceDefinition = parseDefinition({
    ...document(),
    sections: [
      {
        code: 'main',
        title: 'Раздел',
        questions: [
          {
            code: 'method',
            type: 'singleChoice',
            label: 'Способ',
            options: ['a', 'b', 'c', 'd'].map((code) => ({ code, label: code.toUpperCase() })),
          },
          {
            code: 'matrix',
            type: 'yearMatrix',
            label: 'По годам',
            years: [2022, 2023],
            cell: {
              type: 'singleChoice',
              options: options(['a', 'А'], ['b', 'Б']),
            },
          },
          { code: 'orgs', type: 'number', label: 'Организаций' },
          { code: 'note', type: 'text', label: 'Комментарий' },
        ],
      },
    ],
  });
  // method: a 5, b 4, c 1, d 0. matrix: 2022 a 6, b 3; 2023 a 7, b 1 — so 2022 must hide more as well.
  const choiceAnswers = [
    ...Array.from({ length: 5 }, () => ({ method: 'a', matrix: { '2022': 'a', '2023': 'a' }, note: 'Да' })),
    ...Array.from({ length: 2 }, () => ({ method: 'b', matrix: { '2022': 'b', '2023': 'a' } })),
    { method: 'b', matrix: { '2022': 'b', '2023': 'b' }, orgs: 7 },
    { method: 'b', matrix: { '2022': 'a' }, orgs: 8 },
    { method: 'c' },
  ];
  const disclosed = () =>
    Object.fromEntries(
      discloseQuestions(computeAnalytics({ definition: choiceDefinition, answers: choiceAnswers }), 3, []).map((q) => [q.code, q]),
    ) as Record<string, QuestionFigures>;

  it('primary: a cell of 1 or 2 respondents is hidden (count, shares, regions); a zero is not', () => {
    const method = disclosed().method!;
    expect(option(method, 'c')).toMatchObject({ count: null, share: null, shareOfMentions: null, regions: [], suppressed: true });
    expect(option(method, 'd')).toMatchObject({ count: 0, suppressed: false });
    expect(method.suppressed).toBe(true);
  });

  it('secondary: the smallest other cell of the same total is hidden too, so n − the rest does not reveal it', () => {
    const method = disclosed().method!;
    // n = 10 = 5 + 4 + 1 + 0: with «c» alone hidden, 10 − 5 − 4 − 0 = 1. «b» (4) is hidden as well.
    expect(option(method, 'b')).toMatchObject({ count: null, suppressed: true });
    expect(option(method, 'a')).toMatchObject({ count: 5, share: 0.5, suppressed: false });
    expect(method.answered).toBe(10);
  });

  it('across years: a hidden year cell hides another cell of its row, since the years add up to the pooled figures', () => {
    const matrix = disclosed().matrix!;
    const [y2022, y2023] = matrix.years!;
    // 2023: b = 1 (primary), then a (7) within the year; the row «b»: 2022 b (3) or pooled b (4) must go too.
    expect(option(y2023, 'b').suppressed).toBe(true);
    expect(option(y2023, 'a').suppressed).toBe(true);
    expect(option(y2022, 'b').suppressed).toBe(true);
    expect(option(y2022, 'a').suppressed).toBe(true);
    // Nothing is left alone in any sum: every row and column has 0 or at least 2 hidden cells.
    const columns = [matrix.pooled!, y2022!, y2023!];
    for (const column of columns) expect(column.options!.filter((o) => o.suppressed).length).not.toBe(1);
    for (const code of ['a', 'b']) expect(columns.filter((column) => option(column, code).suppressed).length).not.toBe(1);
  });

  it('numbers resting on fewer than 3 answers are hidden; texts are published only where the definition says, without regions', () => {
    const figures = disclosed();
    expect(figures.orgs).toMatchObject({ answered: null, numbers: null, suppressed: true });
    expect(figures.note).toMatchObject({ texts: null, textsTotal: 0 });
    const published = discloseQuestions(
      computeAnalytics({ definition: choiceDefinition, answers: choiceAnswers, regions: choiceAnswers.map(() => ALT) }),
      3,
      ['note'],
    );
    expect(published.find((q) => q.code === 'note')!.texts).toEqual(Array.from({ length: 5 }, () => ({ text: 'Да', region: null })));
  });

  it('ratios of fewer than 3 questionnaires lose their statistics', () => {
    const [ratio] = discloseRatios(
      [
        {
          code: 'r',
          label: 'Р',
          unit: null,
          numerator: 'a',
          denominator: 'b',
          years: [
            {
              year: 2023,
              count: 2,
              skipped: 0,
              mean: 1,
              min: 1,
              max: 1,
              median: 1,
              aggregate: 1,
              minRegions: [ALT],
              maxRegions: [ALT],
              suppressed: false,
            },
          ],
        },
      ],
      3,
    );
    expect(ratio!.years[0]).toMatchObject({ count: 2, mean: null, aggregate: null, minRegions: [], suppressed: true });
  });

  it('threshold 1 hides nothing', () => {
    const figures = Object.fromEntries(
      discloseQuestions(computeAnalytics({ definition: choiceDefinition, answers: choiceAnswers }), 1, []).map((q) => [q.code, q]),
    );
    expect(option(figures.method, 'c')).toMatchObject({ count: 1, suppressed: false });
  });
});
