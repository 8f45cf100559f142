// Builds the form's model from the API's campaign: maps the QuestionType enum to the definition's
// type names and merges each question's `settings` (bounds, unit, years, cell, item fields) into it.
import type { Campaign, Completion, Question, Section } from './types.ts';

const TYPES: Record<string, Question['type']> = {
  TEXT: 'text',
  LONG_TEXT: 'longText',
  SINGLE_CHOICE: 'singleChoice',
  MULTIPLE_CHOICE: 'multipleChoice',
  REGION: 'region',
  NUMBER: 'number',
  YEAR_MATRIX: 'yearMatrix',
  BOOLEAN: 'boolean',
  GROUP: 'group',
  MEASURES: 'measures',
};

export interface ApiQuestion {
  code: string;
  type: string;
  number?: string | null;
  label: string;
  help?: string | null;
  lead?: string | null;
  required: boolean;
  settings?: Record<string, unknown> | null;
  options?: { code: string; label: string; help?: string | null }[];
}
export interface ApiSection extends Omit<Section, 'questions'> {
  questions: ApiQuestion[];
}
export type ApiCampaign = Omit<Campaign, 'sections'> & { sections: ApiSection[] };

export function toQuestion(api: ApiQuestion): Question {
  const type = TYPES[api.type];
  if (!type) throw new Error(`Unknown question type ${api.type}`);
  const settings = { ...(api.settings ?? {}) };
  delete settings.type;
  delete settings.specify;
  const question = {
    ...settings,
    code: api.code,
    type,
    number: api.number ?? null,
    label: api.label,
    help: api.help ?? null,
    lead: api.lead ?? null,
    required: api.required,
  } as Record<string, unknown>;
  if (type === 'singleChoice' || type === 'multipleChoice') {
    const specify = (api.settings?.specify ?? {}) as Record<string, string>;
    question.options = (api.options ?? []).map((option) => (specify[option.code] ? { ...option, specify: specify[option.code] } : option));
  }
  if (type === 'group' || type === 'measures') {
    question.minItems = (settings.minItems as number | undefined) ?? 0;
    question.maxItems = (settings.maxItems as number | undefined) ?? 100;
  }
  return question as unknown as Question;
}

export function toCampaign(api: ApiCampaign): Campaign {
  return {
    ...api,
    sections: api.sections.map((section) => ({ ...section, unlockAfter: section.unlockAfter ?? [], questions: section.questions.map(toQuestion) })),
  };
}

/** The completion before the first save: nothing answered; sections without unlock conditions open. */
export function initialCompletion(campaign: Campaign): Completion {
  const requiredOf = (section: Section) => section.questions.filter((question) => question.required).length;
  const sections = campaign.sections.map((section) => {
    const unlocked = section.unlockAfter.every((code) => requiredOf(campaign.sections.find((other) => other.code === code)!) === 0);
    const empty = requiredOf(section) === 0;
    return { code: section.code, unlocked, complete: unlocked && empty, percent: unlocked && empty ? 100 : 0 };
  });
  const complete = sections.every((section) => section.complete);
  return { percent: complete ? 100 : 0, complete, sections };
}
