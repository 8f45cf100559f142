// The engine's messages to respondents, in Russian. Kept apart so the wording can be reviewed in one place.
import { plural } from '../i18n/plural.ts';

const withUnit = (value: number, unit?: string) => (unit ? `${value} ${unit}` : String(value));

export const messages = {
  unknownSection: (code: string) => `Раздел «${code}» в анкете не найден. Обновите страницу.`,
  unknownQuestion: (code: string, section: string) => `Вопрос «${code}» не относится к разделу «${section}». Обновите страницу.`,
  unknownField: (code: string) => `Поле «${code}» не предусмотрено анкетой.`,
  sectionLocked: (section: string, after: string[]) =>
    `Раздел «${section}» откроется после полного заполнения разделов: ${after.map((title) => `«${title}»`).join(', ')}.`,
  expectedText: 'Введите текст.',
  specifyWithoutOption: (option: string) => `Уточнение заполняется, только если выбран вариант «${option}».`,
  expectedOption: 'Выберите один вариант из списка.',
  expectedOptions: 'Выберите варианты из списка.',
  expectedRegion: 'Выберите субъект Российской Федерации из списка.',
  expectedNumber: 'Введите число.',
  expectedInteger: 'Введите целое число.',
  expectedBoolean: 'Отметьте «да» или «нет».',
  expectedYearValues: 'Заполните значения по годам.',
  expectedItems: 'Ожидается список записей.',
  tooLong: (limit: number, actual: number) =>
    `Не более ${limit} ${plural(limit, ['символа', 'символов', 'символов'])} (сейчас ${actual}). Сократите текст.`,
  unknownOption: (code: string) => `Вариант «${code}» не предусмотрен для этого вопроса. Выберите вариант из списка.`,
  duplicateOption: 'Один и тот же вариант выбран дважды.',
  tooFewSelected: (min: number) => `Выберите не менее ${min} ${plural(min, ['варианта', 'вариантов', 'вариантов'])}.`,
  tooManySelected: (max: number) => `Выберите не более ${max} ${plural(max, ['варианта', 'вариантов', 'вариантов'])}.`,
  belowMin: (min: number, unit?: string) => `Значение должно быть не меньше ${withUnit(min, unit)}.`,
  aboveMax: (max: number, unit?: string) => `Значение должно быть не больше ${withUnit(max, unit)}.`,
  unknownRegion: (code: string) => `Субъект «${code}» не найден. Выберите субъект Российской Федерации из списка.`,
  unknownMeasureType: (code: string) => `Тип мероприятия «${code}» не найден. Выберите тип из списка.`,
  unknownYear: (year: string, years: number[]) => `Год ${year} не предусмотрен; допустимые годы: ${years.join(', ')}.`,
  tooManyItems: (max: number, itemLabel: string) =>
    `Можно указать не более ${max} ${plural(max, ['записи', 'записей', 'записей'])} («${itemLabel}»). Удалите лишние.`,
};
