// The coordinators' view of respondents and their responses: lists with filters (loaded in a fixed
// number of queries per page, never one per row), and the actions on them — reopen a submitted
// questionnaire, revoke a person's access, send a fresh personal link. Every action is audited.
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { revokeLoginLinks } from '../auth/loginLinks.ts';
import { enqueueLoginLinkMail, enqueueReturnedMail } from '../email/outbox.ts';
import { loadLabelCatalog, type LabelCatalog } from './answerLabels.ts';
import { recordAudit, type Actor } from './audit.ts';
import { assertWindowOpen, campaignByCode, campaignDefinition, campaignForRegion, clockNow, lockWindowsForCheck } from './campaigns.ts';
import { ActionRefusedError, NotFoundError } from './errors.ts';
import { type AnswerInWords, answersInWords, type MeasureInWords, measureInWords, measuresWithTypes } from './responseContent.ts';

export type CampaignProgressStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED';

export interface RespondentFilter {
  q?: string | null;
  campaignCode?: string | null;
  status?: CampaignProgressStatus | null;
  regionId?: number | null;
  ids?: string[] | null;
}

export interface Page {
  skip: number;
  take: number;
}

export interface RespondentRow {
  id: string;
  email: string;
  createdAt: Date;
  disabledAt: Date | null;
  lastActivity: Date | null;
  /** Per campaign code: the respondent's response, if any. */
  responses: Map<string, { status: 'DRAFT' | 'SUBMITTED'; completion: number; regionId: number | null; updatedAt: Date }>;
  /** Per campaign code: the last sign-in with a personal link of that campaign. */
  lastSignIn: Map<string, Date>;
}

/** The latest save of the campaign's questionnaire or sign-in with its link; of any campaign without a code. */
export function lastActivityOf(row: RespondentRow, campaignCode?: string | null): Date | null {
  if (!campaignCode) return row.lastActivity;
  const times = [row.responses.get(campaignCode)?.updatedAt, row.lastSignIn.get(campaignCode)].filter((time): time is Date => !!time);
  return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
}

const campaignIdOf = async (prisma: Db, code: string): Promise<number> => (await campaignByCode(prisma, code)).id;

export async function respondentWhere(prisma: Db, filter: RespondentFilter | null | undefined): Promise<Prisma.UserWhereInput> {
  const where: Prisma.UserWhereInput = { role: 'RESPONDENT' };
  const and: Prisma.UserWhereInput[] = [];
  const q = filter?.q?.trim();
  if (q) and.push({ email: { contains: q, mode: 'insensitive' } });
  if (filter?.ids) and.push({ id: { in: filter.ids } });
  const campaignId = filter?.campaignCode ? await campaignIdOf(prisma, filter.campaignCode) : undefined;
  // A campaign's respondents are those registered for it (a personal link of the campaign) or with a
  // questionnaire in it, as the dashboard counts them: not everyone who ever registered.
  // (Not started: no questionnaire, so registered by a link alone.)
  if (campaignId !== undefined) {
    and.push(
      filter?.status === 'NOT_STARTED'
        ? { loginLinks: { some: { campaignId } } }
        : { OR: [{ loginLinks: { some: { campaignId } } }, { responses: { some: { campaignId } } }] },
    );
  }
  if (filter?.status) {
    if (campaignId === undefined) {
      throw new ActionRefusedError('CAMPAIGN_REQUIRED', 'Укажите опрос, чтобы отобрать по статусу.');
    }
    if (filter.status === 'NOT_STARTED') and.push({ responses: { none: { campaignId } } });
    else and.push({ responses: { some: { campaignId, status: filter.status } } });
  }
  if (filter?.regionId) and.push({ responses: { some: { regionId: filter.regionId, ...(campaignId !== undefined ? { campaignId } : {}) } } });
  return and.length ? { ...where, AND: and } : where;
}

/** A page of respondents with everything their fields need: three queries whatever the page size. */
export async function listRespondents(
  prisma: Db,
  filter: RespondentFilter | null | undefined,
  page: Page,
  orderBy: Prisma.UserOrderByWithRelationInput[],
): Promise<RespondentRow[]> {
  const users = await prisma.user.findMany({
    where: await respondentWhere(prisma, filter),
    orderBy,
    skip: page.skip,
    take: page.take,
    select: {
      id: true,
      email: true,
      createdAt: true,
      disabledAt: true,
      responses: { select: { status: true, completion: true, regionId: true, updatedAt: true, campaign: { select: { code: true } } } },
    },
  });
  const logins = users.length
    ? await prisma.authEvent.groupBy({ by: ['userId'], where: { userId: { in: users.map((user) => user.id) }, kind: 'login' }, _max: { at: true } })
    : [];
  const lastLogin = new Map(logins.map((row) => [row.userId, row._max.at]));
  // The last sign-in per campaign: every campaign's (the field names its campaign, whatever the list's
  // filter), sought by campaign and person on LoginLink_campaignId_userId_idx. Campaigns are a few.
  const campaigns = users.length ? await prisma.campaign.findMany({ select: { id: true, code: true }, orderBy: { id: 'asc' } }) : [];
  const campaignCodes = new Map(campaigns.map((campaign) => [campaign.id, campaign.code]));
  const links = campaigns.length
    ? await prisma.loginLink.groupBy({
        by: ['campaignId', 'userId'],
        where: { campaignId: { in: [...campaignCodes.keys()] }, userId: { in: users.map((user) => user.id) }, lastUsedAt: { not: null } },
        _max: { lastUsedAt: true },
      })
    : [];
  return users.map((user) => {
    const times = [...user.responses.map((response) => response.updatedAt), lastLogin.get(user.id)].filter((time): time is Date => !!time);
    return {
      id: user.id,
      email: user.email,
      createdAt: user.createdAt,
      disabledAt: user.disabledAt,
      lastActivity: times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null,
      responses: new Map(user.responses.map((response) => [response.campaign.code, response])),
      lastSignIn: new Map(
        links
          .filter((link) => link.userId === user.id && link._max.lastUsedAt)
          .map((link) => [campaignCodes.get(link.campaignId) ?? '', link._max.lastUsedAt!] as const),
      ),
    };
  });
}

export async function countRespondents(prisma: Db, filter: RespondentFilter | null | undefined): Promise<number> {
  return prisma.user.count({ where: await respondentWhere(prisma, filter) });
}

// ---------------------------------------------------------------------------
// Responses as coordinators read them

export interface ResponseFilter {
  campaignCode?: string | null;
  status?: 'DRAFT' | 'SUBMITTED' | null;
  regionId?: number | null;
  q?: string | null;
  ids?: number[] | null;
}

export type AnswerRecord = AnswerInWords;

export interface SectionRecord {
  code: string;
  title: string;
  percent: number;
  answers: AnswerRecord[];
  /** The section's questions of type `measures`: their measures are in ResponseRecord.measures. */
  measureQuestionCodes: string[];
}

export interface MeasureRecord extends MeasureInWords {
  questionCode: string;
}

export interface ResponseRecord {
  id: number;
  campaignCode: string;
  respondentId: string;
  respondentEmail: string;
  regionId: number | null;
  regionName: string | null;
  status: 'DRAFT' | 'SUBMITTED';
  version: number;
  completion: number;
  sectionCompletion: Record<string, number>;
  updatedAt: Date;
  submittedAt: Date | null;
  sections: SectionRecord[];
  measures: MeasureRecord[];
}

export async function responseWhere(prisma: Db, filter: ResponseFilter | null | undefined): Promise<Prisma.ResponseWhereInput> {
  const q = filter?.q?.trim();
  return {
    ...(filter?.campaignCode ? { campaignId: await campaignIdOf(prisma, filter.campaignCode) } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.regionId ? { regionId: filter.regionId } : {}),
    ...(filter?.ids ? { id: { in: filter.ids } } : {}),
    ...(q ? { respondent: { email: { contains: q, mode: 'insensitive' as const } } } : {}),
  };
}

const responseInclude = {
  campaign: true,
  respondent: { select: { email: true } },
  region: { select: { name: true } },
  answers: true,
  measures: measuresWithTypes,
} satisfies Prisma.ResponseInclude;

type LoadedResponse = Prisma.ResponseGetPayload<{ include: typeof responseInclude }>;

export function toResponseRecord(response: LoadedResponse, catalog: LabelCatalog): ResponseRecord {
  const definition = campaignDefinition(response.campaign);
  const values = new Map(response.answers.map((answer) => [answer.questionCode, answer.value as unknown]));
  const sectionCompletion = (response.sectionCompletion ?? {}) as Record<string, number>;
  return {
    id: response.id,
    campaignCode: response.campaign.code,
    respondentId: response.respondentId,
    respondentEmail: response.respondent.email,
    regionId: response.regionId,
    regionName: response.region?.name ?? null,
    status: response.status,
    version: response.version,
    completion: response.completion,
    sectionCompletion,
    updatedAt: response.updatedAt,
    submittedAt: response.submittedAt,
    sections: definition.sections.map((section) => ({
      code: section.code,
      title: section.title,
      percent: sectionCompletion[section.code] ?? 0,
      answers: answersInWords(section.questions, values, catalog),
      measureQuestionCodes: section.questions.filter((question) => question.type === 'measures').map((question) => question.code),
    })),
    measures: response.measures.map((measure) => ({ questionCode: measure.questionCode, ...measureInWords(measure) })),
  };
}

/** A page of responses with answers and measures: a fixed number of queries per page. */
export async function listResponses(
  prisma: Db,
  filter: ResponseFilter | null | undefined,
  page: Page,
  orderBy: Prisma.ResponseOrderByWithRelationInput[],
): Promise<ResponseRecord[]> {
  const [responses, catalog] = await Promise.all([
    prisma.response.findMany({ where: await responseWhere(prisma, filter), orderBy, skip: page.skip, take: page.take, include: responseInclude }),
    loadLabelCatalog(prisma),
  ]);
  return responses.map((response) => toResponseRecord(response, catalog));
}

/** How many responses the filter finds. */
export async function countResponses(prisma: Db, filter: ResponseFilter | null | undefined): Promise<number> {
  return prisma.response.count({ where: await responseWhere(prisma, filter) });
}

export async function responseRecord(prisma: Db, id: number): Promise<ResponseRecord | null> {
  const [response, catalog] = await Promise.all([prisma.response.findUnique({ where: { id }, include: responseInclude }), loadLabelCatalog(prisma)]);
  return response ? toResponseRecord(response, catalog) : null;
}

// ---------------------------------------------------------------------------
// Actions

const requireReason = (reason: string | null | undefined): string => {
  const text = reason?.trim();
  if (!text) throw new ActionRefusedError('REASON_REQUIRED', 'Укажите причину.');
  return text;
};

/** Returns a submitted questionnaire to its respondent as a draft (e.g. to correct an answer). */
export async function reopenResponse(prisma: Db, actor: Actor, input: { responseId: number; reason: string }): Promise<ResponseRecord> {
  const reason = requireReason(input.reason);
  await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Response" WHERE id = ${input.responseId} FOR UPDATE`;
    if (!rows[0]) throw new NotFoundError('Анкета не найдена.');
    const before = await tx.response.findUniqueOrThrow({ where: { id: input.responseId } });
    if (before.status !== 'SUBMITTED') {
      throw new ActionRefusedError('NOT_SUBMITTED', 'Анкета ещё не отправлена: возвращать на доработку нечего.');
    }
    const after = await tx.response.update({
      where: { id: before.id },
      data: { status: 'DRAFT', submittedAt: null, version: { increment: 1 }, returnedAt: new Date(), returnReason: reason },
    });
    // The official is told, with the reason and a fresh personal link (the old one died at the submit).
    await enqueueReturnedMail(tx, { userId: before.respondentId, campaignId: before.campaignId, reason });
    const state = (response: typeof before) => ({ status: response.status, version: response.version, submittedAt: response.submittedAt });
    await recordAudit(tx, actor, {
      action: 'response.reopen',
      subjectType: 'Response',
      subjectId: before.id,
      before: state(before),
      after: state(after),
      reason,
    });
  });
  return (await responseRecord(prisma, input.responseId))!;
}

async function findRespondent(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (user?.role !== 'RESPONDENT') throw new NotFoundError('Респондент не найден.');
  return user;
}

/** Ends a person's access: disabled, every personal link revoked, every session ended. */
export async function revokeRespondent(prisma: Db, actor: Actor, input: { userId: string; reason?: string | null }) {
  return prisma.$transaction(async (tx) => {
    const user = await findRespondent(tx, input.userId);
    const now = new Date();
    const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: user.disabledAt ?? now } });
    const links = await revokeLoginLinks(tx, { userId: user.id }, 'revoked_by_coordinator', now);
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, {
      action: 'respondent.revoke',
      subjectType: 'User',
      subjectId: user.id,
      before: { disabledAt: user.disabledAt },
      after: { disabledAt: updated.disabledAt, linksRevoked: links.count, sessionsEnded: sessions.count },
      reason: input.reason,
    });
    return updated;
  });
}

/** Queues a mail with a fresh personal link (made when the mail leaves, as for «send my link again»). */
export async function resendLink(prisma: Db, actor: Actor, input: { userId: string; campaignCode: string }) {
  return prisma.$transaction(async (tx) => {
    const user = await findRespondent(tx, input.userId);
    if (user.disabledAt) {
      throw new ActionRefusedError('RESPONDENT_DISABLED', 'Доступ респондента отозван: ссылка не будет отправлена.');
    }
    // A link for a closed window would not open anything (a region's extension counts); checked by
    // the database's clock under the window lock, as saves are.
    await lockWindowsForCheck(tx);
    const campaign = await campaignByCode(tx, input.campaignCode);
    const response = await tx.response.findUnique({ where: { campaignId_respondentId: { campaignId: campaign.id, respondentId: user.id } } });
    assertWindowOpen(await campaignForRegion(tx, campaign, response?.regionId), await clockNow(tx));
    await enqueueLoginLinkMail(tx, user.email, { userId: user.id, campaignId: campaign.id });
    await recordAudit(tx, actor, {
      action: 'respondent.resend_link',
      subjectType: 'User',
      subjectId: user.id,
      after: { campaignCode: campaign.code, to: user.email },
    });
    return user;
  });
}
