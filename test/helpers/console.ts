// Fixtures for the coordinators' console tests: a signed-in coordinator and respondents whose
// questionnaires are filled through the real save service.
import type { Page } from 'playwright-core';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { saveSection } from '../../api/src/services/responses.ts';
import type { Database } from '../../api/src/db/client.ts';
import type { TestApp } from './app.ts';

export const COORDINATOR = { email: 'coordinator@vcot.example', password: 'correct horse battery' };

export async function signInCoordinator(t: TestApp): Promise<string> {
  await createCoordinator(t.db.prisma, COORDINATOR);
  const result = await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, { input: COORDINATOR });
  const cookie = result.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('coordinator sign-in failed');
  return cookie;
}

/** A respondent with the given sections saved (in order), optionally marked as submitted. */
export async function respondentWith(
  t: { db: Database },
  email: string,
  campaignCode: string,
  sections: [sectionCode: string, answers: Record<string, unknown>][],
  options: { submitted?: boolean } = {},
) {
  const user = await t.db.prisma.user.create({ data: { email, role: 'RESPONDENT' } });
  let version = 0;
  let responseId: number | null = null;
  for (const [sectionCode, answers] of sections) {
    const state = await saveSection(t.db.prisma, user.id, { campaignCode, sectionCode, version, answers });
    version = state.response.version;
    responseId = state.response.id;
  }
  if (options.submitted && responseId !== null) {
    // Analytics, export and reopening only read the status; the submit rules have tests of their own.
    await t.db.prisma.response.update({ where: { id: responseId }, data: { status: 'SUBMITTED', submittedAt: new Date(), completion: 100 } });
  }
  return { user, responseId };
}

/** Fills the console's sign-in form and submits it (the page shows the form). */
export async function submitConsoleSignIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Электронная почта').fill(credentials.email);
  await page.getByLabel(/^Пароль/).fill(credentials.password);
  await page.getByRole('button', { name: 'Войти' }).click();
}
