// The 2023 answers built to match seed 002 (test/fixtures/seed002.ts), written straight into the
// tables as 80 submitted questionnaires with the campaign's 85 expected regions: a few set-wise
// statements, for tests that read the analytics rather than the save path (that path has its own
// test, test/api/seed002.db.test.ts). `change` alters a questionnaire's answers before they are written.
import type { Db } from '../../api/src/db/client.ts';
import { campaignDefinition } from '../../api/src/services/campaigns.ts';
import { EXPECTED_REGIONS, type Seed002Response, seed002Responses } from '../fixtures/seed002.ts';

export async function writeSeed002(prisma: Db, change: (response: Seed002Response) => Seed002Response = (response) => response): Promise<void> {
  const campaign = await prisma.campaign.update({ where: { code: 'nok-2023' }, data: { expectedRegions: EXPECTED_REGIONS } });
  const definition = campaignDefinition(campaign);
  const sectionOf = new Map(definition.sections.flatMap((section) => section.questions.map((question) => [question.code, section.code] as const)));
  const regions = new Map((await prisma.region.findMany({ select: { id: true, code: true } })).map((region) => [region.code, region.id]));
  const responses = seed002Responses().map(change);
  await prisma.user.createMany({ data: responses.map((_, index) => ({ email: `r${index}@example.org`, role: 'RESPONDENT' as const })) });
  const users = new Map(
    (await prisma.user.findMany({ where: { role: 'RESPONDENT' }, select: { id: true, email: true } })).map((user) => [user.email, user.id]),
  );
  await prisma.response.createMany({
    data: responses.map((response, index) => ({
      campaignId: campaign.id,
      respondentId: users.get(`r${index}@example.org`)!,
      status: 'SUBMITTED' as const,
      submittedAt: new Date(),
      completion: 100,
      regionId: regions.get(response.region)!,
    })),
  });
  const ids = new Map(
    (await prisma.response.findMany({ where: { campaignId: campaign.id }, select: { id: true, respondentId: true } })).map((row) => [
      row.respondentId,
      row.id,
    ]),
  );
  await prisma.answer.createMany({
    data: responses.flatMap((response, index) =>
      response.sections
        .flatMap(([, values]) => Object.entries(values))
        .filter(([, value]) => value !== undefined)
        .map(([questionCode, value]) => ({
          responseId: ids.get(users.get(`r${index}@example.org`)!)!,
          questionCode,
          sectionCode: sectionOf.get(questionCode)!,
          value: value as object,
        })),
    ),
  });
}
