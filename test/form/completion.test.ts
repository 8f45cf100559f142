// What the menu says about completion and locks, where a save leads, and how API error paths map to
// the inputs the error summary links to.
import { describe, expect, it } from 'vitest';
import { initialSection, lockedNote, nextSectionAfterSave, numberList } from '../../admin/src/form/lib/completion.ts';
import { describePath, errorsByPath, fieldId, isFieldPath } from '../../admin/src/form/lib/errors.ts';
import { initialCompletion } from '../../admin/src/form/lib/model.ts';
import type { Completion } from '../../admin/src/form/lib/types.ts';
import { campaign2021, campaign2023, sectionOf } from './definitions.ts';

const completion = (percents: number[], unlocked: boolean[], complete = false): Completion => ({
  percent: 0,
  complete,
  sections: campaign2021.sections.map((section, i) => ({
    code: section.code,
    percent: percents[i]!,
    unlocked: unlocked[i]!,
    complete: unlocked[i]! && percents[i] === 100,
  })),
});

describe('completion before the first save', () => {
  it('2021: nothing answered, sections 1–3 open, section 4 locked', () => {
    expect(initialCompletion(campaign2021)).toEqual({
      percent: 0,
      complete: false,
      sections: [
        { code: 'authority', unlocked: true, complete: false, percent: 0 },
        { code: 'situation', unlocked: true, complete: false, percent: 0 },
        { code: 'measures', unlocked: true, complete: false, percent: 0 },
        { code: 'development', unlocked: false, complete: false, percent: 0 },
      ],
    });
  });

  it('2023: every section open', () => {
    expect(initialCompletion(campaign2023).sections.every((section) => section.unlocked)).toBe(true);
  });
});

describe('locked sections', () => {
  it('say which sections open them', () => {
    const development = sectionOf(campaign2021, 'development');
    expect(lockedNote(campaign2021, development, true)).toBe('Откроется после полного заполнения разделов 1–3');
    expect(lockedNote(campaign2021, development)).toBe(
      'Раздел откроется после полного заполнения разделов 1–3: «Сведения об органе власти», «Охарактеризуйте текущую ситуацию по проведению и использованию результатов независимой оценки качества в Вашем субъекте Российской Федерации», «Опишите конкретные мероприятия, которые были реализованы в Вашем субъекте РФ по итогам НОК, проведенной в 2020-2021 гг.».',
    );
  });

  it('number lists read naturally', () => {
    expect(numberList([3, 1, 2])).toBe('1–3');
    expect(numberList([1, 3])).toBe('1 и 3');
    expect(numberList([1, 2, 4])).toBe('1, 2 и 4');
    expect(numberList([2])).toBe('2');
  });
});

describe('the section after a save', () => {
  it('is the next open section', () => {
    expect(nextSectionAfterSave(campaign2021, completion([100, 0, 0, 0], [true, true, true, false]), 'authority')).toBe('situation');
    expect(nextSectionAfterSave(campaign2021, completion([100, 80, 0, 0], [true, true, true, false]), 'situation')).toBe('measures');
  });

  it('skips a locked section and falls back to the first incomplete one', () => {
    expect(nextSectionAfterSave(campaign2021, completion([100, 80, 100, 0], [true, true, true, false]), 'measures')).toBe('situation');
  });

  it('is the last section (where the questionnaire is sent) once everything is complete', () => {
    expect(nextSectionAfterSave(campaign2021, completion([100, 100, 100, 100], [true, true, true, true], true), 'authority')).toBe('development');
  });

  it('stays when there is nowhere else to go', () => {
    const all = completion([100, 100, 100, 0], [true, true, true, false]);
    expect(nextSectionAfterSave(campaign2021, { ...all, sections: all.sections.slice(0, 1) }, 'authority')).toBe('authority');
  });

  it('the first section shown is the one in the address, else the first open one', () => {
    const start = initialCompletion(campaign2021);
    expect(initialSection(campaign2021, start, 'measures')).toBe('measures');
    expect(initialSection(campaign2021, start, 'nonsense')).toBe('authority');
    expect(initialSection(campaign2021, start, null)).toBe('authority');
  });
});

describe('error paths', () => {
  it('map to input ids', () => {
    expect(fieldId('respondent_name')).toBe('q-respondent_name');
    expect(fieldId('measures[2].type')).toBe('q-measures-2-type');
    expect(fieldId('operator_planned_price.2022')).toBe('q-operator_planned_price-2022');
    expect(fieldId('best_practices[0].results')).toBe('q-best_practices-0-results');
  });

  it('are linked only when inside a question of the section', () => {
    const codes = sectionOf(campaign2021, 'measures').questions.map((question) => question.code);
    expect(isFieldPath('measures[2].type', codes)).toBe(true);
    expect(isFieldPath('measures', codes)).toBe(true);
    expect(isFieldPath('development', codes)).toBe(false);
  });

  it('are described for the error summary', () => {
    expect(describePath(sectionOf(campaign2021, 'measures'), 'measures[2].type')).toBe(
      '«Мероприятия, реализованные по итогам НОК», Мероприятие 3, «Тип мероприятия»',
    );
    expect(describePath(sectionOf(campaign2023, 'operator'), 'operator_planned_price.2022')).toBe('вопрос 2.1, 2022 год');
    expect(describePath(sectionOf(campaign2023, 'practices'), 'best_practices[0].results')).toBe(
      'вопрос 3, Практика 1, «Результаты реализации практики»',
    );
    expect(describePath(sectionOf(campaign2023, 'authority'), 'social_orgs_regional')).toBe('вопрос 1.7');
    expect(describePath(sectionOf(campaign2023, 'authority'), 'confirm')).toBeNull();
  });

  it('join several messages for one path', () => {
    expect(
      errorsByPath([
        { path: 'a', code: 'X', message: 'Первое.' },
        { path: 'a', code: 'Y', message: 'Второе.' },
        { path: 'b', code: 'Z', message: 'Третье.' },
      ]),
    ).toEqual({ a: 'Первое. Второе.', b: 'Третье.' });
  });
});
