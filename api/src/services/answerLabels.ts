// Answers as people read them: option labels instead of codes, region names instead of ISO codes,
// measure types by name. Shared by the coordinators' response view and the export, so both say the same.
import type { Question, SurveyDefinition } from '../survey/definition.ts';
import { isNotApplicable } from '../survey/engine.ts';

export interface LabelCatalog {
  /** ISO code → region name. */
  regionNames: Map<string, string>;
  /** Measure type code → { name, group name }. */
  measureTypes: Map<string, { name: string; group: string }>;
}

export const MULTI_SEPARATOR = '; ';

type Cellish = { type: string; options?: { code: string; label: string }[] };

function optionLabel(question: Cellish, code: unknown): string {
  const option = question.options?.find((candidate) => candidate.code === code);
  return option ? option.label : String(code);
}

/** One simple value (a cell, a field, a simple question) as text. */
export function simpleValueText(question: Cellish, value: unknown, catalog: LabelCatalog): string {
  if (value === null || value === undefined) return '';
  switch (question.type) {
    case 'singleChoice':
      return optionLabel(question, value);
    case 'multipleChoice':
      return Array.isArray(value) ? value.map((code) => optionLabel(question, code)).join(MULTI_SEPARATOR) : String(value);
    case 'region':
      return catalog.regionNames.get(String(value)) ?? String(value);
    case 'boolean':
      return value === true ? 'Да' : value === false ? 'Нет' : String(value);
    default:
      return String(value);
  }
}

/** The value of a year matrix for one year, as text. */
export function yearValueText(question: Question, value: unknown, year: number, catalog: LabelCatalog): string {
  if (question.type !== 'yearMatrix' || !value || typeof value !== 'object') return '';
  const cell = (value as Record<string, unknown>)[String(year)];
  if (isNotApplicable(cell)) return question.notApplicable ?? 'Не применимо';
  return simpleValueText(question.cell as Cellish, (value as Record<string, unknown>)[String(year)], catalog);
}

/** A whole answer as one line of text (year matrices as «2021: …; 2022: …», items numbered). */
export function answerText(question: Question, value: unknown, catalog: LabelCatalog): string {
  if (value === null || value === undefined) return '';
  if (question.type === 'yearMatrix') {
    return question.years
      .filter((year) => (value as Record<string, unknown>)[String(year)] !== undefined)
      .map((year) => `${year}: ${yearValueText(question, value, year, catalog)}`)
      .join(MULTI_SEPARATOR);
  }
  if (question.type === 'group' && Array.isArray(value)) {
    return value
      .map((item: Record<string, unknown>, index) => {
        const parts = question.fields
          .filter((field) => item[field.code] !== undefined)
          .map((field) => `${field.label}: ${simpleValueText(field as Cellish, item[field.code], catalog)}`);
        return `${index + 1}) ${parts.join(', ')}`;
      })
      .join(MULTI_SEPARATOR);
  }
  if (question.type === 'measures' && Array.isArray(value)) {
    return value
      .map((item: Record<string, unknown>, index) => {
        const type = item.type ? (catalog.measureTypes.get(String(item.type))?.name ?? String(item.type)) : '';
        return `${index + 1}) ${[type, item.title, item.year].filter((part) => part !== null && part !== undefined && part !== '').join(', ')}`;
      })
      .join(MULTI_SEPARATOR);
  }
  return simpleValueText(question as Cellish, value, catalog);
}

/** Every question of a definition with its section, in display order. */
export function questionsOf(definition: SurveyDefinition): { sectionCode: string; sectionTitle: string; question: Question }[] {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ sectionCode: section.code, sectionTitle: section.title, question })),
  );
}

export async function loadLabelCatalog(prisma: {
  region: { findMany(args: { select: { code: true; name: true } }): Promise<{ code: string; name: string }[]> };
  measureType: {
    findMany(args: {
      select: { code: true; name: true; group: { select: { name: true } } };
    }): Promise<{ code: string; name: string; group: { name: string } }[]>;
  };
}): Promise<LabelCatalog> {
  const [regions, types] = await Promise.all([
    prisma.region.findMany({ select: { code: true, name: true } }),
    prisma.measureType.findMany({ select: { code: true, name: true, group: { select: { name: true } } } }),
  ]);
  return {
    regionNames: new Map(regions.map((region) => [region.code, region.name])),
    measureTypes: new Map(types.map((type) => [type.code, { name: type.name, group: type.group.name }])),
  };
}
