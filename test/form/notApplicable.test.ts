// A year of a matrix marked «не применимо» (issue 14, point 3): where the definition's `notApplicable`
// allows it, the form keeps the mark as the engine stores it ({ notApplicable: true }), marking clears
// the year's answer (and its «уточните»), and the engine counts the year as answered.
import { describe, expect, it } from 'vitest';
import { toCampaign, toQuestion } from '../../admin/src/form/lib/model.ts';
import { clearedSpecify, specifyLinks } from '../../admin/src/form/lib/specify.ts';
import type { YearMatrixQuestion } from '../../admin/src/form/lib/types.ts';
import { differsFromStored, fromAnswer, markNotApplicable, NA, sanitizeValues, sectionAnswers, toAnswer } from '../../admin/src/form/lib/values.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';
import { mainSection, options, surveyDocument } from '../helpers/surveyDocument.ts';
import { computeCompletion, validateSection } from '../../api/src/survey/engine.ts';

const LABEL = 'Не применимо (закупка не проводилась)';
const settings = {
  years: [2021, 2022, 2023],
  cell: {
    type: 'singleChoice',
    options: [
      { code: 'auction', label: 'Аукцион' },
      { code: 'other', label: 'Иное', specify: 'method_other' },
    ],
  },
};
const api = (notApplicable?: string) => ({
  code: 'method',
  type: 'YEAR_MATRIX',
  label: 'Способ определения оператора',
  required: true,
  settings: { ...settings, ...(notApplicable ? { notApplicable } : {}) },
});
const matrix = toQuestion(api(LABEL)) as YearMatrixQuestion;
const plain = toQuestion(api()) as YearMatrixQuestion;

describe('the «не применимо» mark in the form', () => {
  it('comes from the definition through the question settings', () => {
    expect(matrix.notApplicable).toBe(LABEL);
    expect(plain.notApplicable).toBeUndefined();
  });

  it('reads a stored mark, sends it back as stored, and marking clears the year', () => {
    const form = fromAnswer(matrix, { 2021: 'auction', 2022: { notApplicable: true } });
    expect(form).toEqual({ 2021: 'auction', 2022: NA, 2023: '' });
    expect(toAnswer(matrix, form)).toEqual({ 2021: 'auction', 2022: { notApplicable: true } });
    const marked = markNotApplicable(matrix, { 2021: 'auction', 2022: '', 2023: 'other' }, 2023, true);
    expect(marked).toEqual({ 2021: 'auction', 2022: '', 2023: NA });
    expect(toAnswer(matrix, marked)).toEqual({ 2021: 'auction', 2023: { notApplicable: true } });
    // Unmarking leaves the year empty: nothing of the old answer comes back.
    expect(markNotApplicable(matrix, marked, 2023, false)).toEqual({ 2021: 'auction', 2022: '', 2023: '' });
  });

  it('is neither read nor sent where the definition does not allow it', () => {
    expect(fromAnswer(plain, { 2022: { notApplicable: true } })).toEqual({ 2021: '', 2022: '', 2023: '' });
    expect(toAnswer(plain, { 2021: 'auction', 2022: NA })).toEqual({ 2021: 'auction' });
  });

  it('survives a local draft and compares equal to the stored answer', () => {
    const section = { code: 'main', title: 'Раздел', unlockAfter: [], questions: [matrix] };
    const draft = JSON.parse(JSON.stringify({ method: { 2021: 'auction', 2022: NA, 2023: 'x' } }));
    const values = sanitizeValues(section, draft);
    expect(values.method).toEqual({ 2021: 'auction', 2022: NA, 2023: 'x' });
    expect(sectionAnswers(section, values)).toEqual({ method: { 2021: 'auction', 2022: { notApplicable: true }, 2023: 'x' } });
    expect(differsFromStored(section, values, { method: { 2021: 'auction', 2022: { notApplicable: true }, 2023: 'x' } })).toBe(false);
    expect(sanitizeValues({ ...section, questions: [plain] }, draft).method).toEqual({ 2021: 'auction', 2022: '', 2023: 'x' });
  });

  it('clears the year’s «уточните» when the year is marked', () => {
    const text = {
      code: 'method_other',
      type: 'YEAR_MATRIX',
      label: 'Иной способ',
      required: false,
      settings: { years: settings.years, cell: { type: 'text' } },
    };
    const campaign = toCampaign({
      code: 'x',
      title: 'x',
      opensAt: '',
      closesAt: '',
      windowState: 'OPEN',
      submit: { confirmLabel: '', buttonLabel: '', thanks: '' },
      sections: [{ code: 'main', title: 'Раздел', unlockAfter: [], questions: [{ ...api(LABEL), options: settings.cell.options }, text] }],
    });
    const section = campaign.sections[0]!;
    const [link] = specifyLinks(section, section.questions[0]!);
    const choice = markNotApplicable(matrix, { 2021: 'other', 2022: 'other', 2023: '' }, 2022, true);
    expect(clearedSpecify(link!, choice, { 2021: 'Прямой договор', 2022: 'Малая закупка', 2023: '' })).toEqual({
      2021: 'Прямой договор',
      2022: '',
      2023: '',
    });
  });

  it('what the form sends holds for completion in the engine', () => {
    const definition = parseDefinition(
      surveyDocument(
        'na-test',
        mainSection([
          {
            code: 'method',
            type: 'yearMatrix',
            label: 'Способ',
            required: true,
            notApplicable: LABEL,
            years: settings.years,
            cell: { type: 'singleChoice', options: options(['auction', 'Аукцион']) },
          },
        ]),
      ),
    );
    const sent = toAnswer(matrix, { 2021: 'auction', 2022: NA, 2023: NA });
    const result = validateSection(definition, 'main', { method: sent }, { regionCodes: new Set(), measureTypeCodes: new Set() });
    expect(result.ok).toBe(true);
    const values = result.ok ? result.values : {};
    expect(computeCompletion(definition, { method: values.method! }).complete).toBe(true);
    expect(computeCompletion(definition, { method: { 2021: 'auction', 2022: 'auction' } }).complete).toBe(false);
  });
});
