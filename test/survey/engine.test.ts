// The engine on the 2021 questionnaire (seed 000): validation, completion and unlocking.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError, parseDefinition } from '../../api/src/survey/definition.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';
import { computeCompletion, percentOf, sectionLockedError, validateSection, type Answers, type Catalog } from '../../api/src/survey/engine.ts';

const definition = parseDefinition(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../prisma/surveys/nok-2021.json'), 'utf8')));
const catalog: Catalog = {
  regionCodes: new Set(['RU-ALT', 'RU-MOW']),
  measureTypeCodes: new Set(['interaction_with_authorities', 'material_base', 'motivation', 'disciplinary', 'other']),
};

function values(sectionCode: string, input: Record<string, unknown>): Record<string, any> {
  const result = validateSection(definition, sectionCode, input, catalog);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return Object.fromEntries(Object.entries(result.values).filter(([, value]) => value !== null));
}

describe('2021 questionnaire completion (seed 000)', () => {
  it('counts 5 + 5 + 1 required items', () => {
    const completion = computeCompletion(definition, {});
    expect(completion.requiredItems).toBe(11);
    expect(completion.sections.map((section) => section.requiredItems)).toEqual([5, 5, 1, 0]);
    expect(completion.percent).toBe(0);
  });

  it("reproduces the seed's screenshot: sections 100 / 80 / 0 / 0 give 82%", () => {
    const answers: Answers = { ...values('authority', section1), ...values('situation', section2at80) };
    const completion = computeCompletion(definition, answers);
    expect(completion.sections.map((section) => section.percent)).toEqual([100, 80, 0, 0]);
    expect(completion.percent).toBe(82);
    expect(completion.complete).toBe(false);
    expect(completion.sections[1]!.missing).toEqual(['staffing_technologies']);
  });

  it('needs five complete measures for the measures item, then unlocks section 4 and reaches 100%', () => {
    const base = { ...values('authority', section1), ...values('situation', { ...section2at80, staffing_technologies: 'hard_to_say' }) };
    const four = computeCompletion(definition, { ...base, ...values('measures', { measures: [1, 2, 3, 4].map(measure) }) });
    expect(four.sections.map((section) => section.percent)).toEqual([100, 100, 0, 0]);
    expect(four.percent).toBe(91);
    expect(four.sections[3]!.unlocked).toBe(false);

    const incompleteFifth = { ...measure(5), description: null };
    const stillFour = computeCompletion(definition, {
      ...base,
      ...values('measures', { measures: [measure(1), measure(2), measure(3), measure(4), incompleteFifth] }),
    });
    expect(stillFour.percent).toBe(91);

    const five = computeCompletion(definition, { ...base, ...values('measures', { measures: [1, 2, 3, 4, 5].map(measure) }) });
    expect(five.sections.map((section) => section.percent)).toEqual([100, 100, 100, 100]);
    expect(five.sections[3]!.unlocked).toBe(true);
    expect(five.percent).toBe(100);
    expect(five.complete).toBe(true);
  });

  it('keeps section 4 locked until sections 1–3 are complete', () => {
    const error = sectionLockedError(definition, 'development', values('authority', section1));
    expect(error?.code).toBe('SECTION_LOCKED');
    expect(error?.message).toContain('Сведения об органе власти');
  });

  it('never shows 100% before every required item holds', () => {
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(9, 11)).toBe(82);
    expect(percentOf(200, 200)).toBe(100);
  });
});

describe('validation of a section save', () => {
  const errorsOf = (sectionCode: string, input: Record<string, unknown>) => {
    const result = validateSection(definition, sectionCode, input, catalog);
    return result.ok ? [] : result.errors.map((error) => [error.path, error.code]);
  };

  it('normalises text and keeps multiple choices in definition order', () => {
    const result = values('authority', {
      ...section1,
      respondent_name: '  Иванова  ',
      respondent_powers: ['bus_gov_accuracy', 'bus_gov_publication'],
    });
    expect(result.respondent_name).toBe('Иванова');
    expect(result.respondent_powers).toEqual(['bus_gov_publication', 'bus_gov_accuracy']);
  });

  it('refuses unknown sections and questions from another section', () => {
    expect(errorsOf('nope', {})).toEqual([['nope', 'UNKNOWN_SECTION']]);
    expect(errorsOf('authority', { ...section1, opinion_forms: ['paper_questionnaire'] })).toEqual([['opinion_forms', 'UNKNOWN_QUESTION']]);
  });

  it('refuses wrong types, unknown options, unknown regions and too long texts, naming each field', () => {
    expect(
      errorsOf('authority', {
        respondent_name: 42,
        respondent_position: 'x'.repeat(501),
        region: 'RU-XXX',
        authority_name: 'Министерство',
        respondent_powers: ['bus_gov_publication', 'made_up'],
      }),
    ).toEqual([
      ['respondent_name', 'WRONG_TYPE'],
      ['respondent_position', 'TOO_LONG'],
      ['region', 'UNKNOWN_REGION'],
      ['respondent_powers', 'UNKNOWN_OPTION'],
    ]);
    expect(errorsOf('situation', { legislation_changes: ['no_changes_needed'] })).toEqual([['legislation_changes', 'WRONG_TYPE']]);
  });

  it('says in Russian how long a text may be', () => {
    const result = validateSection(definition, 'authority', { respondent_position: 'я'.repeat(600) }, catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toBe('Не более 500 символов (сейчас 600). Сократите текст.');
  });

  it('refuses an eighth measure, an unknown type and a year out of range', () => {
    expect(errorsOf('measures', { measures: [1, 2, 3, 4, 5, 6, 7, 8].map(measure) })).toEqual([['measures', 'TOO_MANY_ITEMS']]);
    expect(
      errorsOf('measures', {
        measures: [
          { ...measure(1), type: 'bribery' },
          { ...measure(2), year: 2019 },
        ],
      }),
    ).toEqual([
      ['measures[0].type', 'UNKNOWN_MEASURE_TYPE'],
      ['measures[1].year', 'OUT_OF_RANGE'],
    ]);
    expect(errorsOf('measures', { measures: [{ ...measure(1), colour: 'red' }] })).toEqual([['measures[0].colour', 'UNKNOWN_FIELD']]);
  });

  it('accepts seven measures and drops items left entirely blank', () => {
    const result = values('measures', { measures: [...[1, 2, 3, 4, 5, 6, 7].map(measure)] });
    expect(result.measures).toHaveLength(7);
    const withBlank = values('measures', { measures: [measure(1), { type: null, title: '', description: '  ' }] });
    expect(withBlank.measures).toHaveLength(1);
  });
});

describe('definition format', () => {
  it('lists every problem of a bad definition with its path', () => {
    const bad = structuredClone(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../prisma/surveys/nok-2021.json'), 'utf8')));
    bad.sections[1].questions[0].code = 'respondent_name';
    bad.sections[3].unlockAfter = ['authority', 'missing_section'];
    bad.sections[0].questions[4].options.push({ code: 'other', label: 'Иное ещё раз' });
    bad.window.closesAt = bad.window.opensAt;
    try {
      parseDefinition(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DefinitionError);
      const paths = (error as DefinitionError).problems.map((problem) => problem.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'window.closesAt',
          'sections.1.questions.0.code',
          'sections.3.unlockAfter.1',
          'sections.0.questions.4.options.6.code',
        ]),
      );
    }
  });
});
