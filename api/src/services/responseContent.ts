// What a questionnaire says, as people read it, for the coordinators' records (respondents.ts) and
// the portals' (portalAnswers.ts) alike: a section's answers in words, a measure with its type's names.
import type { Prisma } from '../generated/prisma/client.ts';
import type { Question } from '../survey/definition.ts';
import { answerText, type LabelCatalog } from './answerLabels.ts';

export interface AnswerInWords {
  questionCode: string;
  number: string | null;
  label: string;
  /** The stored value (codes). */
  value: unknown;
  /** As people read it: option labels, region names. */
  text: string;
}

/**
 * The answered questions of a section (measures apart: they are the measures' own), in its order,
 * each with its stored value and its text; `leaveOut` drops questions a reader may not see.
 */
export function answersInWords(
  questions: readonly Question[],
  values: ReadonlyMap<string, unknown>,
  catalog: LabelCatalog,
  leaveOut: (question: Question) => boolean = () => false,
): AnswerInWords[] {
  return questions
    .filter((question) => question.type !== 'measures' && !leaveOut(question) && values.has(question.code))
    .map((question) => ({
      questionCode: question.code,
      number: question.number ?? null,
      label: question.label,
      value: values.get(question.code),
      text: answerText(question, values.get(question.code), catalog),
    }));
}

export interface MeasureInWords {
  position: number;
  typeCode: string | null;
  typeName: string | null;
  groupName: string | null;
  title: string | null;
  description: string | null;
  result: string | null;
  year: number | null;
}

/** A response's measures as `measureInWords` reads them: by question, then position, with the type and its group. */
export const measuresWithTypes = {
  orderBy: [{ questionCode: 'asc' as const }, { position: 'asc' as const }],
  include: { type: { include: { group: true } } },
} satisfies Prisma.Response$measuresArgs;

type MeasureWithType = Prisma.MeasureGetPayload<{ include: typeof measuresWithTypes.include }>;

export function measureInWords(measure: MeasureWithType): MeasureInWords {
  return {
    position: measure.position,
    typeCode: measure.type?.code ?? null,
    typeName: measure.type?.name ?? null,
    groupName: measure.type?.group.name ?? null,
    title: measure.title,
    description: measure.description,
    result: measure.result,
    year: measure.year,
  };
}
