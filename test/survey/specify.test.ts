// «Иное» with «уточните» (issue 13, item 11): an option's `specify` names the text question that says
// what «Иное» is; the definition is checked, the text is refused without its option, and a required
// question with «Иное» chosen holds only once the text is given.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DefinitionError, parseDefinition } from '../../api/src/survey/definition.ts';
import { computeCompletion, validateSection } from '../../api/src/survey/engine.ts';
import { section1 } from '../helpers/fixtures2021.ts';

const catalog = { regionCodes: new Set(['RU-ALT']), measureTypeCodes: new Set<string>() };
const load = (file: string) => parseDefinition(JSON.parse(readFileSync(new URL(`../../prisma/surveys/${file}`, import.meta.url), 'utf8')));
const survey2021 = load('nok-2021.json');
const survey2023 = load('nok-2023.json');

describe('every «Иное» of the shipped questionnaires asks «уточните»', () => {
  it.each([
    ['nok-2021', survey2021],
    ['nok-2023', survey2023],
  ])('%s', (_name, definition) => {
    const choices = definition.sections
      .flatMap((section) => section.questions)
      .flatMap((question) => {
        const spec = question.type === 'yearMatrix' ? question.cell : question;
        return 'options' in spec
          ? spec.options
              .filter((option) => option.code === 'other' || /^\s*ин(ое|ые|ой)/i.test(option.label))
              .map((option) => [question.code, option.specify])
          : [];
      });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.filter(([, specify]) => !specify)).toEqual([]);
  });
});

describe('the engine', () => {
  it('stores the text with «Иное», and a required question holds only once it is given', () => {
    const chosen = { ...section1, respondent_powers: ['bus_gov_publication', 'other'] };
    const without = validateSection(survey2021, 'authority', chosen, catalog);
    expect(without.ok).toBe(true);
    const answers = without.ok ? Object.fromEntries(Object.entries(without.values).filter(([, value]) => value !== null)) : {};
    expect(computeCompletion(survey2021, answers as never).sections[0]!.missing).toEqual(['respondent_powers']);
    const withText = validateSection(survey2021, 'authority', { ...chosen, respondent_powers_other: '  Ведение реестра  ' }, catalog);
    expect(withText.ok && withText.values.respondent_powers_other).toBe('Ведение реестра');
    const stored = withText.ok ? Object.fromEntries(Object.entries(withText.values).filter(([, value]) => value !== null)) : {};
    expect(computeCompletion(survey2021, stored as never).sections[0]!.missing).toEqual([]);
  });

  it('refuses the text without «Иное», naming the field, and checks its length', () => {
    const orphan = validateSection(survey2021, 'authority', { ...section1, respondent_powers_other: 'Ведение реестра' }, catalog);
    expect(orphan.ok).toBe(false);
    expect(!orphan.ok && orphan.errors).toEqual([
      {
        path: 'respondent_powers_other',
        questionCode: 'respondent_powers_other',
        code: 'WRONG_VALUE',
        message: 'Уточнение заполняется, только если выбран вариант «Иное».',
      },
    ]);
    const long = validateSection(
      survey2021,
      'authority',
      { ...section1, respondent_powers: ['other'], respondent_powers_other: 'я'.repeat(501) },
      catalog,
    );
    expect(!long.ok && long.errors.map((error) => error.code)).toEqual(['TOO_LONG']);
  });

  it('in a year matrix, per year', () => {
    const answers = {
      operator_selection_method: { 2021: 'auction', 2022: 'other' },
      operator_selection_method_other: { 2021: 'Прямой договор', 2022: 'Малая закупка' },
    };
    const result = validateSection(survey2023, 'operator', answers, catalog);
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual(['operator_selection_method_other.2021']);
  });
});

describe('the definition', () => {
  const base = JSON.parse(readFileSync(new URL('../../prisma/surveys/nok-2021.json', import.meta.url), 'utf8'));
  it.each([
    ['an unknown question', 'nothing_here'],
    ['a required question', 'respondent_name'],
    ['a question that is not text', 'region'],
  ])('refuses «specify» naming %s', (_what, target) => {
    const changed = structuredClone(base);
    const powers = changed.sections[0].questions.find((question: { code: string }) => question.code === 'respondent_powers');
    powers.options.find((option: { code: string }) => option.code === 'other').specify = target;
    expect(() => parseDefinition(changed)).toThrow(DefinitionError);
    try {
      parseDefinition(changed);
    } catch (error) {
      expect(JSON.stringify((error as DefinitionError).problems)).toContain('specify');
    }
  });
});
