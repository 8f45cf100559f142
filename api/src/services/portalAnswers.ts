// What a regional portal reads of its own region's answers (issue 11, point 2). With the `answers`
// scope: the submitted questionnaires of its region (per campaign, optionally per authority), each with
// its authority, its answers in words (services/answerLabels.ts) and its measures — without the
// person: no e-mail, and the questions the campaign's definition marks `personal` left out. With
// the `personal` scope: the officials who sent them (name, e-mail, position, authority). Only submitted
// questionnaires count (a draft's region is only what its author typed), of published campaigns, and the
// region is always the token's: every query here is narrowed to `regionId`, which no caller supplies.
import type { Db } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Question } from '../survey/definition.ts';
import { loadLabelCatalog } from './answerLabels.ts';
import { campaignDefinition } from './campaigns.ts';
import { type AnswerInWords, answersInWords, type MeasureInWords, measureInWords, measuresWithTypes } from './responseContent.ts';

/** The answers the officials list reads as the person's name and position (the `personal` scope). */
const OFFICIAL_QUESTIONS = { name: 'respondent_name', position: 'respondent_position' } as const;

/**
 * Left out of what the `answers` scope reads: a question the campaign's definition marks `personal`,
 * and whatever the officials list reads as the person, flagged or not (a definition written before
 * the flag, imported through the console, still keeps its filler's name and position to `personal`).
 */
export function personalQuestion(question: Question): boolean {
  return question.personal === true || (Object.values(OFFICIAL_QUESTIONS) as string[]).includes(question.code);
}

export type PortalAnswer = AnswerInWords;
export type PortalMeasure = MeasureInWords;

export interface PortalResponse {
  id: number;
  campaignCode: string;
  authorityName: string | null;
  authoritySphere: string | null;
  submittedAt: Date | null;
  completion: number;
  sections: { code: string; title: string; answers: PortalAnswer[] }[];
  measures: PortalMeasure[];
}

export interface PortalOfficial {
  id: number;
  campaignCode: string;
  name: string | null;
  position: string | null;
  email: string;
  authorityName: string | null;
  submittedAt: Date | null;
}

export interface PortalAnswersFilter {
  campaignCode?: string | null;
  authorityId?: number | null;
}

/** The submitted questionnaires of the region (and of published campaigns), after the cursor's id. */
function regionWhere(regionId: number, filter: PortalAnswersFilter, afterId: number | null): Prisma.ResponseWhereInput {
  return {
    AND: [
      { regionId, status: 'SUBMITTED', campaign: { state: { not: 'DRAFT' } } },
      filter.campaignCode ? { campaign: { code: filter.campaignCode } } : {},
      filter.authorityId ? { authorityId: filter.authorityId } : {},
      afterId !== null ? { id: { gt: afterId } } : {},
    ],
  };
}

export async function countPortalResponses(prisma: Db, regionId: number, filter: PortalAnswersFilter): Promise<number> {
  return prisma.response.count({ where: regionWhere(regionId, filter, null) });
}

/** Up to `take` questionnaires after `afterId`, by id; answers in words, no e-mail, no question its definition marks personal. */
export async function portalResponses(
  prisma: Db,
  regionId: number,
  filter: PortalAnswersFilter,
  page: { afterId: number | null; take: number },
): Promise<PortalResponse[]> {
  const [rows, catalog] = await Promise.all([
    prisma.response.findMany({
      where: regionWhere(regionId, filter, page.afterId),
      orderBy: { id: 'asc' },
      take: page.take,
      select: {
        id: true,
        completion: true,
        submittedAt: true,
        campaign: true,
        authority: { select: { name: true, regionId: true, sphere: { select: { name: true } } } },
        answers: { select: { questionCode: true, value: true } },
        measures: measuresWithTypes,
      },
    }),
    loadLabelCatalog(prisma),
  ]);
  return rows.map((row) => {
    const values = new Map(row.answers.map((answer) => [answer.questionCode, answer.value as unknown]));
    // An authority is named for the region only if it is the region's (as portalRegion counts them).
    const authority = row.authority?.regionId === regionId ? row.authority : null;
    return {
      id: row.id,
      campaignCode: row.campaign.code,
      authorityName: authority?.name ?? null,
      authoritySphere: authority?.sphere?.name ?? null,
      submittedAt: row.submittedAt,
      completion: row.completion,
      sections: campaignDefinition(row.campaign).sections.map((section) => ({
        code: section.code,
        title: section.title,
        answers: answersInWords(section.questions, values, catalog, personalQuestion),
      })),
      measures: row.measures.map(measureInWords),
    };
  });
}

/** The officials who sent the region's questionnaires: name and position as they answered, e-mail, authority. */
export async function portalOfficials(
  prisma: Db,
  regionId: number,
  filter: PortalAnswersFilter,
  page: { afterId: number | null; take: number },
): Promise<PortalOfficial[]> {
  const rows = await prisma.response.findMany({
    where: regionWhere(regionId, filter, page.afterId),
    orderBy: { id: 'asc' },
    take: page.take,
    select: {
      id: true,
      submittedAt: true,
      campaign: { select: { code: true } },
      respondent: { select: { email: true } },
      authority: { select: { name: true, regionId: true } },
      answers: { where: { questionCode: { in: Object.values(OFFICIAL_QUESTIONS) } }, select: { questionCode: true, value: true } },
    },
  });
  return rows.map((row) => {
    const answer = (code: string) => {
      const value = row.answers.find((item) => item.questionCode === code)?.value;
      return typeof value === 'string' ? value : null;
    };
    return {
      id: row.id,
      campaignCode: row.campaign.code,
      name: answer(OFFICIAL_QUESTIONS.name),
      position: answer(OFFICIAL_QUESTIONS.position),
      email: row.respondent.email,
      authorityName: row.authority?.regionId === regionId ? row.authority.name : null,
      submittedAt: row.submittedAt,
    };
  });
}
