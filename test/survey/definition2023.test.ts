// The 2023 campaign (prisma/surveys/nok-2023.json, reconstructed from seed 002): the file is a valid
// definition, carries the options the analysis publishes, and a fully filled-in respondent validates
// section by section and reaches 100%.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCampaignDates } from '../../api/src/survey/window.ts';
import {
  DefinitionError,
  parseDefinition,
  type Cell,
  type Question,
  type SimpleQuestion,
  type SurveyDefinition,
} from '../../api/src/survey/definition.ts';
import { computeCompletion, validateSection, type AnswerValue, type Answers, type Catalog, type FieldError } from '../../api/src/survey/engine.ts';

const FILE = new URL('../../prisma/surveys/nok-2023.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
const definition: SurveyDefinition = parseDefinition(raw);
const catalog: Catalog = { regionCodes: new Set(['RU-ALT', 'RU-MOW']), measureTypeCodes: new Set() };

function question(code: string): Question {
  const found = definition.sections.flatMap((section) => section.questions).find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no question ${code}`);
  return found;
}

function optionLabels(code: string): string[] {
  const q = question(code);
  const spec = q.type === 'yearMatrix' ? q.cell : q;
  if (!('options' in spec)) throw new Error(`${code} has no options`);
  return spec.options.map((option) => option.label);
}

function groupFieldOptions(groupCode: string, fieldCode: string): string[] {
  const q = question(groupCode);
  if (q.type !== 'group') throw new Error(`${groupCode} is not a group`);
  const field = q.fields.find((candidate) => candidate.code === fieldCode);
  if (!field || !('options' in field)) throw new Error(`${groupCode}.${fieldCode} has no options`);
  return field.options.map((option) => option.label);
}

const perYear = <T>(v2021: T, v2022: T, v2023: T) => ({ 2021: v2021, 2022: v2022, 2023: v2023 });

/** A complete questionnaire, as the form would send it section by section. */
const filled: Record<string, Record<string, unknown>> = {
  authority: {
    region: 'RU-ALT',
    authority_name: 'Министерство социальной защиты Алтайского края',
    respondent_name: '  Иванова Мария Петровна ',
    respondent_position: 'Начальник отдела организации социального обслуживания',
    respondent_kind: 'regional_authority',
    spheres: ['social'],
    social_orgs_regional: 64,
    social_orgs_municipal: 0,
    social_orgs_nonstate: 0,
  },
  operator: {
    operator_planned_price: perYear(623.5, 700, 0),
    operator_contract_price: perYear(378, 512.25, 0),
    operator_orgs_assessed: perYear(21, 22, 0),
    operator_respondents: perYear(1200, 1350, 0),
    operator_funding_source: perYear('state_programme', 'state_programme', 'other'),
    operator_funding_source_other: { 2023: 'Средства некоммерческой организации' },
    operator_funding_programme: {
      2021: 'Государственная программа «Социальная поддержка граждан»',
      2022: 'Государственная программа «Социальная поддержка граждан»',
    },
    operator_selection_method: perYear('open_tender', 'single_supplier', 'other'),
    operator_selection_method_other: { 2023: 'Сбор информации в 2023 году не проводился' },
    operator_price_criteria_share: { 2021: 60 },
    // Given in another order than the definition's: stored in the definition's order.
    operator_control_forms: perYear(['council_selective_check', 'tz_reporting_requirements'], ['tz_reporting_requirements'], ['other']),
    operator_control_other: { 2023: 'Сбор информации не проводился' },
    operator_refusal: perYear(true, false, false),
    operator_refusal_reason: { 2021: 'Неисполнение оператором условий государственного контракта; оценка проведена повторно в плановом периоде.' },
    operator_online_tool: perYear('operator_own_tool', 'bus_gov', 'no'),
    operator_paper_online_share: { 2021: 'online_80', 2022: 'online_60' },
  },
  practices: {
    best_practices: [
      {
        title: 'Типовое техническое задание для оператора',
        level: 'region',
        type: 'nok_organisation',
        problem: 'Низкое качество работ, проведенных оператором.',
        description: 'Разработано типовое техническое задание с требованиями к отчетным материалам по трем этапам сбора и обобщения информации.',
        results: 'Единые требования ко всем операторам и поставщикам социальных услуг.',
      },
      {
        title: 'Пункты проката технических средств реабилитации',
        level: 'region_organisation',
        type: 'nok_results_changes',
        organisation_name: 'КГБУСО «Комплексный центр социального обслуживания населения»',
        description: 'Открыты пункты проката технических средств реабилитации для получателей социальных услуг на дому.',
        results: 'Повышение мобильности граждан, формирование безбарьерной среды.',
      },
    ],
  },
};

function validValues(sectionCode: string, input: Record<string, unknown>): Record<string, AnswerValue | null> {
  const result = validateSection(definition, sectionCode, input, catalog);
  if (!result.ok) throw new Error(`${sectionCode}: ${JSON.stringify(result.errors, null, 2)}`);
  return result.values;
}

function errorsOf(sectionCode: string, input: Record<string, unknown>): FieldError[] {
  const result = validateSection(definition, sectionCode, input, catalog);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function answersFrom(values: Record<string, AnswerValue | null>[]): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const sectionValues of values) {
    for (const [code, value] of Object.entries(sectionValues)) if (value !== null) answers[code] = value;
  }
  return answers;
}

describe('nok-2023.json: the document', () => {
  it('parses as a format-1 definition of the 2023 campaign with its window in Moscow time', () => {
    expect(() => parseDefinition(raw)).not.toThrow();
    expect(definition.format).toBe(1);
    expect(definition.code).toBe('nok-2023');
    expect(definition.year).toBe(2023);
    expect(definition.window).toEqual({ opensAt: '2023-08-30T00:00:00+03:00', closesAt: '2023-09-19T00:00:00+03:00' });
    // The last moment inside the window is the end of 18 September, Moscow time.
    expect(Date.parse(definition.window.closesAt) - Date.parse('2023-09-18T23:59:59+03:00')).toBe(1000);
    expect(definition.title).toMatch(/[а-я]/);
    // The dates come from the campaign (issue 13, item 3): the text names them by placeholder.
    expect(definition.intro).toContain('Опрос проводится {{период}} в целях');
    expect(definition.intro).not.toMatch(/августа|сентября/);
    const period = { opensAt: new Date(definition.window.opensAt), closesAt: new Date(definition.window.closesAt) };
    expect(withCampaignDates(definition.intro!, period)).toContain('Опрос проводится с 30 августа по 18 сентября 2023 года в целях');
  });

  it('a text naming an unknown placeholder is refused; the known ones are filled from the period', () => {
    const wrong = structuredClone(raw) as { intro: string };
    wrong.intro = 'Опрос проводится {{срок}}.';
    expect(() => parseDefinition(wrong)).toThrow(/Неизвестная подстановка/);
    const period = { opensAt: new Date('2026-12-01T00:00:00+03:00'), closesAt: new Date('2027-01-16T00:00:00+03:00') };
    expect(withCampaignDates('{{период}}; {{начало}} – {{окончание}}', period)).toBe(
      'с 1 декабря 2026 года по 15 января 2027 года; 1 декабря 2026 г. – 15 января 2027 г.',
    );
  });

  it('is refused when broken, so the test above is not vacuous', () => {
    const broken = structuredClone(raw) as { sections: { questions: { code: string }[] }[] };
    broken.sections[1]!.questions[1]!.code = broken.sections[1]!.questions[0]!.code;
    expect(() => parseDefinition(broken)).toThrow(DefinitionError);
  });

  it('has the three parts of the analysis, in order, with nothing locked', () => {
    expect(definition.sections.map((section) => section.code)).toEqual(['authority', 'operator', 'practices']);
    expect(definition.sections.every((section) => section.unlockAfter.length === 0)).toBe(true);
    expect(definition.sections.map((section) => section.questions.map((q) => q.code))).toEqual([
      [
        'region',
        'authority_name',
        'respondent_name',
        'respondent_position',
        'respondent_kind',
        'spheres',
        'social_orgs_regional',
        'social_orgs_municipal',
        'social_orgs_nonstate',
      ],
      [
        'operator_planned_price',
        'operator_contract_price',
        'operator_orgs_assessed',
        'operator_respondents',
        'operator_funding_source',
        'operator_funding_source_other',
        'operator_funding_programme',
        'operator_selection_method',
        'operator_selection_method_other',
        'operator_price_criteria_share',
        'operator_control_forms',
        'operator_control_other',
        'operator_refusal',
        'operator_refusal_reason',
        'operator_online_tool',
        'operator_paper_online_share',
      ],
      ['best_practices'],
    ]);
  });

  it('keeps the 2021 codes for the questions compared across years', () => {
    expect(question('region')).toMatchObject({ type: 'region', required: true });
    for (const code of ['authority_name', 'respondent_name', 'respondent_position'])
      expect(question(code)).toMatchObject({ type: 'text', required: true });
  });

  it('asks the organisation counts as required non-negative integers', () => {
    for (const code of ['social_orgs_regional', 'social_orgs_municipal', 'social_orgs_nonstate']) {
      expect(question(code)).toMatchObject({ type: 'number', integer: true, min: 0, required: true });
    }
  });

  it('asks every operator question per year for 2021, 2022 and 2023', () => {
    const operator = definition.sections.find((section) => section.code === 'operator')!;
    const matrices = definition.sections.flatMap((section) => section.questions).filter((q) => q.type === 'yearMatrix');
    expect(matrices.length).toBe(operator.questions.length);
    for (const matrix of matrices) expect(matrix.type === 'yearMatrix' && matrix.years).toEqual([2021, 2022, 2023]);
    expect(question('operator_planned_price')).toMatchObject({ cell: { type: 'number', unit: 'тыс. руб.', min: 0 } });
    expect(question('operator_contract_price')).toMatchObject({ cell: { type: 'number', unit: 'тыс. руб.', min: 0 } });
    expect(question('operator_refusal')).toMatchObject({ cell: { type: 'boolean', mustBeTrue: false }, required: true });
    expect(question('operator_control_forms')).toMatchObject({ cell: { type: 'multipleChoice' } });
  });

  it('offers exactly the selection methods of figure 10', () => {
    expect(optionLabels('operator_selection_method')).toEqual([
      'Аукцион',
      'Закупка у единственного поставщика',
      'Запрос котировок в электронной форме',
      'Открытый конкурс',
      'Иное',
    ]);
  });

  it('offers exactly the forms of control of figure 11', () => {
    expect(optionLabels('operator_control_forms')).toEqual([
      'Включение в состав ТЗ требований к отчетности или иных механизмов проверки',
      'Формальная проверка соответствия отчета требованиям ТЗ ОГВ',
      'Выборочная проверка результатов представителями ОС по НОК',
      'Включение в состав рабочей группы оператора представителей ОС',
      'Иное',
    ]);
  });

  it('offers the online-tool requirements of figure 12 and the paper/online shares of figure 13', () => {
    expect(optionLabels('operator_online_tool')).toEqual([
      'Нет',
      'Да, с требованием для оператора разработать собственный инструмент опроса',
      'Да, с использованием сайта ГМУ (bus.gov.ru)',
      'Да, с использованием специально созданного ИТ-сервиса в субъекте РФ',
      'Да, с использованием приложения Федерального казначейства',
    ]);
    expect(optionLabels('operator_paper_online_share')).toEqual([
      '20±10% онлайн – 80±10% на бумаге',
      '40±10% онлайн – 60±10% на бумаге',
      '60±10% онлайн – 40±10% на бумаге',
      '80±10% онлайн – 20±10% на бумаге',
    ]);
  });

  it('describes a practice by the levels of figure 14 and the two types of the analysis', () => {
    expect(question('best_practices')).toMatchObject({ type: 'group', required: true, minItems: 1, maxItems: 10 });
    expect(groupFieldOptions('best_practices', 'level')).toEqual([
      'Организация',
      'Субъект',
      'Муниципальное образование',
      'Субъект, организация',
      'Муниципальное образование, организация',
      'Субъект, Муниципальное образование, организация',
    ]);
    expect(groupFieldOptions('best_practices', 'type')).toEqual(['Организация и проведение НОК', 'Внедрение изменений по результатам НОК']);
  });

  it('every option labelled «Иное» asks «уточните» with a text question over the same years (issue 13, item 11)', () => {
    const others = definition.sections
      .flatMap((section) => section.questions)
      .flatMap((q) => {
        const spec = q.type === 'yearMatrix' ? q.cell : q;
        return 'options' in spec ? spec.options.filter((option) => /^иное$/i.test(option.label)).map((option) => [q.code, option.specify]) : [];
      });
    expect(others).toEqual([
      ['operator_funding_source', 'operator_funding_source_other'],
      ['operator_selection_method', 'operator_selection_method_other'],
      ['operator_control_forms', 'operator_control_other'],
    ]);
    expect(question('operator_funding_source_other')).toMatchObject({
      number: '2.5.1',
      type: 'yearMatrix',
      required: false,
      years: [2021, 2022, 2023],
      cell: { type: 'text', maxLength: 500 },
      label: 'Если выбрано «Иное» – укажите источник финансирования',
    });
  });

  it("«Иное» as 2023's funding source holds only once the source is named", () => {
    const without = { ...filled.operator, operator_funding_source_other: undefined };
    const values = definition.sections.map((section) => validValues(section.code, section.code === 'operator' ? without : filled[section.code]!));
    const operator = computeCompletion(definition, answersFrom(values)).sections.find((section) => section.code === 'operator')!;
    expect(operator.missing).toEqual(['operator_funding_source']);
    expect(errorsOf('operator', { ...filled.operator, operator_funding_source_other: { 2021: 'Фонд' } })).toEqual([
      expect.objectContaining({ path: 'operator_funding_source_other.2021', code: 'WRONG_VALUE' }),
    ]);
  });

  it('bounds every free-text answer explicitly', () => {
    const texts = definition.sections
      .flatMap((section) => section.questions)
      .flatMap((q): (SimpleQuestion | Cell | Question)[] => (q.type === 'group' ? q.fields : q.type === 'yearMatrix' ? [q.cell] : [q]))
      .filter((spec) => spec.type === 'text' || spec.type === 'longText');
    expect(texts.length).toBeGreaterThan(5);
    for (const spec of texts) expect('maxLength' in spec && typeof spec.maxLength === 'number').toBe(true);
  });
});

describe('nok-2023.json: a filled-in respondent', () => {
  it('validates section by section, normalising the answers', () => {
    const authority = validValues('authority', filled.authority!);
    expect(authority.respondent_name).toBe('Иванова Мария Петровна');
    expect(authority.social_orgs_municipal).toBe(0);

    const operator = validValues('operator', filled.operator!);
    expect(operator.operator_control_forms).toEqual({
      2021: ['tz_reporting_requirements', 'council_selective_check'],
      2022: ['tz_reporting_requirements'],
      2023: ['other'],
    });
    expect(operator.operator_refusal).toEqual({ 2021: true, 2022: false, 2023: false });
    expect(operator.operator_planned_price).toEqual({ 2021: 623.5, 2022: 700, 2023: 0 });
    expect(operator.operator_paper_online_share).toEqual({ 2021: 'online_80', 2022: 'online_60' });

    const practices = validValues('practices', filled.practices!);
    expect(practices.best_practices).toHaveLength(2);
  });

  it('reaches 100% only when every section is complete', () => {
    const values = definition.sections.map((section) => validValues(section.code, filled[section.code]!));
    const completion = computeCompletion(definition, answersFrom(values));
    expect(completion.percent).toBe(100);
    expect(completion.complete).toBe(true);
    expect(completion.sections.map((section) => [section.code, section.percent, section.unlocked])).toEqual([
      ['authority', 100, true],
      ['operator', 100, true],
      ['practices', 100, true],
    ]);
    // 9 required questions in part 1, 9 required year matrices in part 2, the practices as one item.
    expect(completion.requiredItems).toBe(19);
  });

  it('is incomplete while a year is missing or no practice is complete', () => {
    const withoutYear = structuredClone(filled);
    withoutYear.operator!.operator_selection_method = { 2021: 'auction', 2022: 'auction' };
    // Its «уточните» for 2023 goes with it (the engine refuses a text without «Иное»).
    withoutYear.operator!.operator_selection_method_other = undefined;
    const values = definition.sections.map((section) => validValues(section.code, withoutYear[section.code]!));
    const partial = computeCompletion(definition, answersFrom(values));
    expect(partial.complete).toBe(false);
    expect(partial.percent).toBeLessThan(100);
    expect(partial.sections.find((section) => section.code === 'operator')!.missing).toEqual(['operator_selection_method']);

    const noResults = structuredClone(filled);
    noResults.practices!.best_practices = [{ title: 'Практика без описания результатов', level: 'organisation', type: 'nok_results_changes' }];
    const practiceValues = definition.sections.map((section) => validValues(section.code, noResults[section.code]!));
    const practices = computeCompletion(definition, answersFrom(practiceValues)).sections.find((section) => section.code === 'practices')!;
    expect(practices.complete).toBe(false);
    expect(practices.missing).toEqual(['best_practices']);
  });
});

describe('nok-2023.json: wrong answers are rejected', () => {
  it('rejects an option code the question does not offer', () => {
    const errors = errorsOf('operator', { ...filled.operator, operator_selection_method: perYear('auction', 'tender', 'open_tender') });
    expect(errors).toEqual([
      expect.objectContaining({ path: 'operator_selection_method.2022', questionCode: 'operator_selection_method', code: 'UNKNOWN_OPTION' }),
    ]);

    const levelErrors = errorsOf('practices', { best_practices: [{ ...(filled.practices!.best_practices as object[])[0], level: 'federal' }] });
    expect(levelErrors).toEqual([expect.objectContaining({ path: 'best_practices[0].level', code: 'UNKNOWN_OPTION' })]);

    const controlErrors = errorsOf('operator', { operator_control_forms: { 2021: ['tz_reporting_requirements', 'audit'] } });
    expect(controlErrors).toEqual([expect.objectContaining({ path: 'operator_control_forms.2021', code: 'UNKNOWN_OPTION' })]);
  });

  it('rejects a negative count and a fractional one', () => {
    const errors = errorsOf('authority', { ...filled.authority, social_orgs_nonstate: -1, social_orgs_municipal: 2.5 });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'social_orgs_nonstate', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ path: 'social_orgs_municipal', code: 'NOT_INTEGER' }),
      ]),
    );
    expect(errors).toHaveLength(2);

    const perYearErrors = errorsOf('operator', { operator_respondents: { 2021: 100, 2022: -5 }, operator_contract_price: { 2023: -0.1 } });
    expect(perYearErrors.map((error) => [error.path, error.code])).toEqual([
      ['operator_contract_price.2023', 'OUT_OF_RANGE'],
      ['operator_respondents.2022', 'OUT_OF_RANGE'],
    ]);
  });

  it('rejects a text longer than its limit, alone, per year and in a practice', () => {
    const name = errorsOf('authority', { ...filled.authority, authority_name: 'М'.repeat(1001) });
    expect(name).toEqual([expect.objectContaining({ path: 'authority_name', code: 'TOO_LONG' })]);
    expect(validateSection(definition, 'authority', { ...filled.authority, authority_name: 'М'.repeat(1000) }, catalog).ok).toBe(true);

    const reason = errorsOf('operator', { operator_refusal_reason: { 2021: 'x'.repeat(3001) } });
    expect(reason).toEqual([expect.objectContaining({ path: 'operator_refusal_reason.2021', code: 'TOO_LONG' })]);

    const practice = { ...(filled.practices!.best_practices as object[])[0], results: 'р'.repeat(5001) };
    expect(errorsOf('practices', { best_practices: [practice] })).toEqual([
      expect.objectContaining({ path: 'best_practices[0].results', code: 'TOO_LONG' }),
    ]);
  });

  it('rejects a year outside 2021–2023, an unknown region and too many practices', () => {
    expect(errorsOf('operator', { operator_orgs_assessed: { 2020: 5 } })).toEqual([
      expect.objectContaining({ path: 'operator_orgs_assessed.2020', code: 'UNKNOWN_YEAR' }),
    ]);
    expect(errorsOf('authority', { ...filled.authority, region: 'RU-XXX' })).toEqual([
      expect.objectContaining({ path: 'region', code: 'UNKNOWN_REGION' }),
    ]);
    const practice = (filled.practices!.best_practices as object[])[0]!;
    expect(errorsOf('practices', { best_practices: Array.from({ length: 11 }, () => practice) })).toEqual([
      expect.objectContaining({ path: 'best_practices', code: 'TOO_MANY_ITEMS' }),
    ]);
  });
});
