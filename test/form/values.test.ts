// Conversion between the form's inputs and the answer values the API stores, for every question
// type of the 2021 and 2023 questionnaires.
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  changedSections,
  differsFromStored,
  emptyItem,
  emptyValue,
  fromAnswer,
  parseNumber,
  sanitizeValues,
  sectionAnswers,
  sectionFormValues,
  toAnswer,
  type ItemForm,
} from '../../admin/src/form/lib/values.ts';
import { toQuestion } from '../../admin/src/form/lib/model.ts';
import { campaign2021, campaign2023, questionOf, sectionOf } from './definitions.ts';

const item = (values: ItemForm['values']): ItemForm => ({ key: `k${Math.random()}`, values });

describe('the model built from the API', () => {
  it('maps the GraphQL type enum and merges settings into the question', () => {
    const matrix = toQuestion({
      code: 'price',
      type: 'YEAR_MATRIX',
      label: 'Цена',
      required: true,
      settings: { years: [2021, 2022], cell: { type: 'number', unit: 'тыс. руб.', min: 0 } },
    });
    expect(matrix).toMatchObject({ type: 'yearMatrix', years: [2021, 2022], cell: { type: 'number', unit: 'тыс. руб.' } });
    const measures = questionOf(campaign2021, 'measures');
    expect(measures).toMatchObject({ type: 'measures', minItems: 5, maxItems: 7, addLabel: 'Добавить мероприятие', itemLabel: 'Мероприятие' });
    expect(questionOf(campaign2021, 'respondent_powers')).toMatchObject({ type: 'multipleChoice' });
    expect((questionOf(campaign2021, 'respondent_powers') as { options: unknown[] }).options).toHaveLength(6);
    expect(() => toQuestion({ code: 'x', type: 'SLIDER', label: 'x', required: false })).toThrow(/SLIDER/);
  });
});

describe('numbers', () => {
  it('reads numbers typed the Russian way', () => {
    expect(parseNumber('623,5')).toBe(623.5);
    expect(parseNumber('1 234')).toBe(1234);
    expect(parseNumber('10\u00a0000,25')).toBe(10000.25);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('sends a number, null when empty, and the text as typed when it is not a number (the server names the field)', () => {
    const q = questionOf(campaign2023, 'social_orgs_regional');
    expect(toAnswer(q, '12')).toBe(12);
    expect(toAnswer(q, ' 1 234 ')).toBe(1234);
    expect(toAnswer(q, '')).toBeNull();
    expect(toAnswer(q, '  ')).toBeNull();
    expect(toAnswer(q, '12 штук')).toBe('12 штук');
    expect(fromAnswer(q, 0)).toBe('0');
    expect(fromAnswer(q, null)).toBe('');
  });
});

describe('simple types', () => {
  it('text: trimmed; blank is no answer', () => {
    const q = questionOf(campaign2021, 'respondent_name');
    expect(toAnswer(q, '  Иванова Анна Петровна ')).toBe('Иванова Анна Петровна');
    expect(toAnswer(q, '   ')).toBeNull();
    expect(fromAnswer(q, 'Иванова')).toBe('Иванова');
    expect(fromAnswer(q, undefined)).toBe('');
  });

  it('text is kept as typed, markup included (it is shown as text, never as HTML)', () => {
    const q = questionOf(campaign2021, 'proposals');
    expect(toAnswer(q, '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('single choice and region: the code, or null', () => {
    expect(toAnswer(questionOf(campaign2021, 'legislation_changes'), 'no_changes_needed')).toBe('no_changes_needed');
    expect(toAnswer(questionOf(campaign2021, 'legislation_changes'), '')).toBeNull();
    expect(toAnswer(questionOf(campaign2021, 'region'), 'RU-ALT')).toBe('RU-ALT');
    expect(fromAnswer(questionOf(campaign2021, 'region'), 'RU-ALT')).toBe('RU-ALT');
  });

  it('multiple choice: codes in the order of the definition, whatever order they were picked in; none is null', () => {
    const q = questionOf(campaign2021, 'respondent_powers');
    expect(toAnswer(q, ['bus_gov_accuracy', 'bus_gov_publication'])).toEqual(['bus_gov_publication', 'bus_gov_accuracy']);
    expect(toAnswer(q, [])).toBeNull();
    expect(fromAnswer(q, ['bus_gov_publication'])).toEqual(['bus_gov_publication']);
    expect(fromAnswer(q, null)).toEqual([]);
  });

  it('boolean: true/false, null when not answered; a confirmation (mustBeTrue) unticked is not answered', () => {
    const yesNo = toQuestion({ code: 'refusal', type: 'BOOLEAN', label: 'Отказ', required: true, settings: { mustBeTrue: false } });
    expect(toAnswer(yesNo, false)).toBe(false);
    expect(toAnswer(yesNo, true)).toBe(true);
    expect(toAnswer(yesNo, null)).toBeNull();
    expect(fromAnswer(yesNo, false)).toBe(false);
    expect(emptyValue(yesNo)).toBeNull();
    const consent = toQuestion({ code: 'consent', type: 'BOOLEAN', label: 'Согласен', required: true, settings: { mustBeTrue: true } });
    expect(toAnswer(consent, false)).toBeNull();
    expect(toAnswer(consent, true)).toBe(true);
  });
});

describe('year matrix', () => {
  it('number cells: an object year → number, unanswered years left out, none answered is null', () => {
    const q = questionOf(campaign2023, 'operator_planned_price');
    const empty = emptyValue(q);
    expect(empty).toEqual({ 2021: '', 2022: '', 2023: '' });
    expect(toAnswer(q, { 2021: '623,5', 2022: '', 2023: '0' })).toEqual({ 2021: 623.5, 2023: 0 });
    expect(toAnswer(q, empty)).toBeNull();
    expect(fromAnswer(q, { 2021: 623.5, 2023: 0 })).toEqual({ 2021: '623,5', 2022: '', 2023: '0' });
  });

  it('choice, multiple-choice and yes/no cells', () => {
    expect(toAnswer(questionOf(campaign2023, 'operator_selection_method'), { 2021: 'auction', 2022: '', 2023: 'other' })).toEqual({
      2021: 'auction',
      2023: 'other',
    });
    const control = questionOf(campaign2023, 'operator_control_forms');
    expect(toAnswer(control, { 2021: ['other', 'tz_reporting_requirements'], 2022: [], 2023: [] })).toEqual({
      2021: ['tz_reporting_requirements', 'other'],
    });
    expect(fromAnswer(control, { 2022: ['other'] })).toEqual({ 2021: [], 2022: ['other'], 2023: [] });
    const refusal = questionOf(campaign2023, 'operator_refusal');
    expect(toAnswer(refusal, { 2021: false, 2022: true, 2023: null })).toEqual({ 2021: false, 2022: true });
    expect(fromAnswer(refusal, { 2021: false })).toEqual({ 2021: false, 2022: null, 2023: null });
  });
});

describe('repeatable items', () => {
  it('2021 measures: five fixed fields, null when unanswered, year as an integer', () => {
    const q = questionOf(campaign2021, 'measures');
    expect(emptyValue(q)).toEqual([]);
    const fresh = emptyItem(q);
    expect(fresh.values).toEqual({ type: '', title: '', description: '', result: '', year: '' });
    const items = [
      item({ type: 'material_base', title: ' Ремонт ', description: 'Описание', result: '', year: '2021' }),
      item({ type: '', title: 'Только название', description: '', result: '', year: '' }),
    ];
    expect(toAnswer(q, items)).toEqual([
      { type: 'material_base', title: 'Ремонт', description: 'Описание', result: null, year: 2021 },
      { type: null, title: 'Только название', description: null, result: null, year: null },
    ]);
    const back = fromAnswer(q, [{ type: 'motivation', title: 'Премии', description: 'Описание', result: null, year: 2020 }]) as ItemForm[];
    expect(back).toHaveLength(1);
    expect(back[0]!.values).toEqual({ type: 'motivation', title: 'Премии', description: 'Описание', result: '', year: '2020' });
  });

  it('keeps blank items when saving (so error paths keep their indices) but not when comparing; all blank is null', () => {
    const q = questionOf(campaign2021, 'measures');
    const blank = emptyItem(q);
    const filled = item({ type: 'other', title: 'Иное', description: '', result: '', year: '' });
    expect(toAnswer(q, [blank, filled], 'save')).toEqual([{}, { type: 'other', title: 'Иное', description: null, result: null, year: null }]);
    expect(toAnswer(q, [blank, filled], 'compare')).toEqual([{ type: 'other', title: 'Иное', description: null, result: null, year: null }]);
    expect(toAnswer(q, [blank, emptyItem(q)])).toBeNull();
  });

  it('2023 group: item objects with the answered fields only', () => {
    const q = questionOf(campaign2023, 'best_practices');
    const fresh = emptyItem(q);
    expect(Object.keys(fresh.values)).toEqual(['title', 'level', 'type', 'organisation_name', 'problem', 'description', 'results']);
    const value = [item({ ...fresh.values, title: 'Типовое ТЗ', level: 'region', results: '  ' })];
    expect(toAnswer(q, value)).toEqual([{ title: 'Типовое ТЗ', level: 'region' }]);
    const back = fromAnswer(q, [{ title: 'Типовое ТЗ' }]) as ItemForm[];
    expect(back[0]!.values.title).toBe('Типовое ТЗ');
    expect(back[0]!.values.level).toBe('');
  });
});

describe('a whole section', () => {
  const authority = sectionOf(campaign2021, 'authority');
  const stored = {
    respondent_name: 'Иванова Анна Петровна',
    respondent_position: 'Специалист',
    region: 'RU-ALT',
    authority_name: 'Министерство социальной защиты Алтайского края',
    respondent_powers: ['bus_gov_publication', 'bus_gov_accuracy'],
  };

  it('sends every question of the section, null for the empty ones', () => {
    const values = sectionFormValues(authority, {});
    values.respondent_name = 'Иванова';
    expect(sectionAnswers(authority, values)).toEqual({
      respondent_name: 'Иванова',
      respondent_position: null,
      region: null,
      authority_name: null,
      respondent_powers: null,
      respondent_powers_other: null,
    });
  });

  it('round-trips stored answers, and tells edits from the stored answers', () => {
    const values = sectionFormValues(authority, stored);
    expect(sectionAnswers(authority, values)).toEqual({ ...stored, respondent_powers_other: null });
    expect(differsFromStored(authority, values, stored)).toBe(false);
    // Trailing spaces and the order of picking do not count as edits.
    expect(
      differsFromStored(
        authority,
        { ...values, respondent_name: 'Иванова Анна Петровна  ', respondent_powers: ['bus_gov_accuracy', 'bus_gov_publication'] },
        stored,
      ),
    ).toBe(false);
    expect(differsFromStored(authority, { ...values, respondent_position: 'Начальник отдела' }, stored)).toBe(true);
    expect(differsFromStored(authority, { ...values, respondent_powers: ['bus_gov_publication'] }, stored)).toBe(true);
  });

  it('measures: a blank item added on screen is not an edit; a typed one is', () => {
    const section = sectionOf(campaign2021, 'measures');
    const q = questionOf(campaign2021, 'measures');
    const storedMeasures = { measures: [{ type: 'motivation', title: 'Премии', description: 'Описание', result: null, year: null }] };
    const values = sectionFormValues(section, storedMeasures);
    expect(differsFromStored(section, values, storedMeasures)).toBe(false);
    expect(differsFromStored(section, { measures: [...(values.measures as ItemForm[]), emptyItem(q)] }, storedMeasures)).toBe(false);
    expect(
      differsFromStored(
        section,
        { measures: [...(values.measures as ItemForm[]), item({ ...emptyItem(q).values, title: 'Новое' })] },
        storedMeasures,
      ),
    ).toBe(true);
  });

  it('reshapes values read back from a draft to the section, dropping anything odd', () => {
    const section = sectionOf(campaign2023, 'operator');
    const values = sanitizeValues(section, {
      operator_planned_price: { 2021: '623,5', 2022: 17, 2099: '1' },
      operator_control_forms: { 2021: ['other', 5] },
      operator_refusal: { 2021: false, 2022: 'yes' },
      unknown_question: 'x',
    });
    expect(values.operator_planned_price).toEqual({ 2021: '623,5', 2022: '', 2023: '' });
    expect(values.operator_control_forms).toEqual({ 2021: ['other'], 2022: [], 2023: [] });
    expect(values.operator_refusal).toEqual({ 2021: false, 2022: null, 2023: null });
    expect(values).not.toHaveProperty('unknown_question');
    const practices = sanitizeValues(sectionOf(campaign2023, 'practices'), {
      best_practices: [{ key: 'a', values: { title: 'Т', level: 3 } }, 'junk'],
    });
    expect((practices.best_practices as ItemForm[]).map((entry) => [entry.values.title, entry.values.level])).toEqual([
      ['Т', ''],
      ['', ''],
    ]);
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe(canonicalJson({ a: [{ x: null, y: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe('sections with unsaved edits', () => {
  it('are the opened sections whose inputs differ from the stored answers', () => {
    const stored = { respondent_name: 'Иванова Анна Петровна' };
    const authority = sectionOf(campaign2021, 'authority');
    const situation = sectionOf(campaign2021, 'situation');
    const forms = {
      authority: { ...sectionFormValues(authority, stored), respondent_position: 'Специалист' },
      situation: sectionFormValues(situation, stored),
    };
    expect([...changedSections(campaign2021.sections, forms, stored)]).toEqual(['authority']);
    expect(changedSections(campaign2021.sections, {}, stored).size).toBe(0);
  });
});
