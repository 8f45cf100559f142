// The respondent form's model of a questionnaire, built from `campaign(code){ sections { questions } }`.
// Question types use the survey definition's spelling (prisma/surveys/README.md): the API's enum
// (TEXT, YEAR_MATRIX, …) is mapped once in model.ts, and `settings` is merged into the question.

export interface Option {
  code: string;
  label: string;
  help?: string | null;
  /** «Иное» that asks «уточните»: the code of the text question shown under it while it is chosen. */
  specify?: string;
}

/** The per-type part shared by questions, group fields and year-matrix cells. */
export type Spec =
  | { type: 'text' | 'longText'; maxLength?: number }
  | { type: 'singleChoice'; options: Option[] }
  | { type: 'multipleChoice'; options: Option[]; minSelected?: number; maxSelected?: number }
  | { type: 'region' }
  | { type: 'number'; unit?: string; min?: number; max?: number; integer?: boolean }
  | { type: 'boolean'; mustBeTrue?: boolean };

export type SimpleType = Spec['type'];

export interface Common {
  code: string;
  label: string;
  number?: string | null;
  help?: string | null;
  lead?: string | null;
  required: boolean;
}

/** A question that stands alone or is a field of a group item. */
export type SimpleQuestion = Common & Spec;

export interface MeasureField {
  label: string;
  help?: string | null;
  required: boolean;
  min?: number;
  max?: number;
}
export const MEASURE_FIELDS = ['type', 'title', 'description', 'result', 'year'] as const;
export type MeasureFieldCode = (typeof MEASURE_FIELDS)[number];

export interface YearMatrixQuestion extends Common {
  type: 'yearMatrix';
  years: number[];
  /** The cell has no code or label of its own. */
  cell: Spec;
  /** The label of the per-year «не применимо» mark, where the definition allows it. */
  notApplicable?: string;
}
export interface GroupQuestion extends Common {
  type: 'group';
  itemLabel: string;
  addLabel?: string | null;
  fields: SimpleQuestion[];
  minItems: number;
  maxItems: number;
}
export interface MeasuresQuestion extends Common {
  type: 'measures';
  itemLabel: string;
  addLabel?: string | null;
  fields: Record<MeasureFieldCode, MeasureField>;
  minItems: number;
  maxItems: number;
}

export type Question = SimpleQuestion | YearMatrixQuestion | GroupQuestion | MeasuresQuestion;
export type QuestionType = Question['type'];

export interface Section {
  code: string;
  title: string;
  description?: string | null;
  unlockAfter: string[];
  questions: Question[];
}

export interface Campaign {
  code: string;
  title: string;
  intro?: string | null;
  opensAt: string;
  closesAt: string;
  /** The official period the header names; opening or closing early moves only opensAt/closesAt. */
  plannedOpensAt?: string;
  plannedClosesAt?: string;
  windowState: 'DRAFT' | 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED';
  submit: { confirmLabel: string; buttonLabel: string; thanks: string };
  sections: Section[];
}

export interface SectionCompletion {
  code: string;
  percent: number;
  unlocked: boolean;
  complete: boolean;
  /** Codes of the section's required questions not answered yet. */
  missing?: string[];
}
export interface Completion {
  percent: number;
  complete: boolean;
  sections: SectionCompletion[];
}

/** Stored (normalised) answers by question code, as the API returns them. */
export type Answers = Record<string, unknown>;

export interface ResponseState {
  version: number;
  status: 'DRAFT' | 'SUBMITTED';
  submittedAt?: string | null;
  /** Returned by a coordinator and not sent again: why and when (the banner at the top of the form). */
  returnedForRework?: { reason: string; at: string } | null;
  completion: Completion;
  answers: Answers;
}

export interface Region {
  code: string;
  name: string;
}
export interface MeasureType {
  code: string;
  name: string;
  help: string;
}
export interface MeasureTypeGroup {
  code: string;
  name: string;
  types: MeasureType[];
}

/** A problem with one answer, as `ValidationError.fieldErrors` gives it. */
export interface FieldError {
  path: string;
  questionCode?: string | null;
  code: string;
  message: string;
}
