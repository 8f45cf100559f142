// The console's calls for campaign questionnaires: preview and import a definition file, download
// the stored one, read the questionnaire, edit a draft question's options and help. Each returns the
// API's refusal (message and field errors) instead of throwing it.
import { graphql } from '../graphql.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Outcome<T> {
  ok: boolean;
  data?: T;
  message?: string;
  fieldErrors?: FieldProblem[];
}

const ERRORS = `... on Error { message } ... on ValidationError { fieldErrors { path message } }`;

async function call<T>(query: string, variables: Record<string, unknown>, fallback: string): Promise<Outcome<T>> {
  try {
    const { result } = await graphql<{ result: any }>(query, variables);
    if (String(result.__typename).endsWith('Success')) return { ok: true, data: result.data as T };
    return { ok: false, message: result.message ?? fallback, fieldErrors: result.fieldErrors ?? [] };
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
}

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface ImportPlan {
  outcome: ImportOutcome;
  campaignCode: string;
  title: string;
  message: string;
}

export function previewImport(definition: unknown) {
  return call<ImportPlan>(
    `query ConsoleDefinitionPreview($definition: JSON!) {
      result: campaignDefinitionPreview(definition: $definition) {
        __typename
        ... on QueryCampaignDefinitionPreviewSuccess { data { outcome campaignCode title message } }
        ${ERRORS}
      }
    }`,
    { definition },
    'Определение не проверено.',
  );
}

export function importDefinition(definition: unknown, reason: string) {
  return call<ImportPlan & { campaign: { id: string; code: string } }>(
    `mutation ConsoleImportDefinition($input: ImportCampaignDefinitionInput!) {
      result: importCampaignDefinition(input: $input) {
        __typename
        ... on MutationImportCampaignDefinitionSuccess { data { outcome message campaign { id code } } }
        ${ERRORS}
      }
    }`,
    { input: { definition, reason: reason || null } },
    'Определение не импортировано.',
  );
}

export function definitionDocument(code: string) {
  return call<unknown>(
    `query ConsoleDefinitionDocument($code: String!) {
      result: campaignDefinitionDocument(code: $code) { __typename ... on QueryCampaignDefinitionDocumentSuccess { data } ... on Error { message } }
    }`,
    { code },
    'Определение не найдено.',
  );
}

export interface OptionRow {
  code: string;
  label: string;
  help: string | null;
}

export interface QuestionRow {
  id: string;
  code: string;
  number: string | null;
  type: string;
  label: string;
  help: string | null;
  required: boolean;
  settings: any;
  options: OptionRow[];
}

export interface SectionRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  questions: QuestionRow[];
}

export interface Questionnaire {
  code: string;
  state: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  sections: SectionRow[];
}

export async function loadQuestionnaire(code: string): Promise<Questionnaire | null> {
  const { campaign } = await graphql<{ campaign: Questionnaire | null }>(
    `query ConsoleQuestionnaire($code: String!) {
      campaign(code: $code) {
        code state
        sections { id code title description questions { id code number type label help required settings options { code label help } } }
      }
    }`,
    { code },
  );
  return campaign;
}

/** The options a coordinator edits: the question's own, or those of its year-matrix cell. */
export function editableOptions(question: QuestionRow): OptionRow[] | null {
  if (question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE') return question.options;
  const cell = question.settings?.cell;
  if (question.type === 'YEAR_MATRIX' && Array.isArray(cell?.options)) {
    return cell.options.map((option: OptionRow) => ({ code: option.code, label: option.label, help: option.help ?? null }));
  }
  return null;
}

export function updateQuestionTexts(input: { campaignCode: string; questionCode: string; help: string; options: OptionRow[] }) {
  return call<QuestionRow>(
    `mutation ConsoleUpdateQuestionTexts($input: UpdateQuestionTextsInput!) {
      result: updateQuestionTexts(input: $input) {
        __typename
        ... on MutationUpdateQuestionTextsSuccess { data { id code help } }
        ${ERRORS}
      }
    }`,
    { input: { ...input, help: input.help || null, options: input.options.map((option) => ({ ...option, help: option.help || null })) } },
    'Изменения не сохранены.',
  );
}

export const questionTypeLabels: Record<string, string> = {
  TEXT: 'Строка текста',
  LONG_TEXT: 'Развёрнутый текст',
  SINGLE_CHOICE: 'Один вариант',
  MULTIPLE_CHOICE: 'Несколько вариантов',
  REGION: 'Субъект РФ',
  NUMBER: 'Число',
  YEAR_MATRIX: 'Значения по годам',
  BOOLEAN: 'Да / нет',
  GROUP: 'Список элементов',
  MEASURES: 'Мероприятия',
};
