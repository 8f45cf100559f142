// Finding 8 of issue 10 (first part): «отправить ссылку повторно», or a coordinator's resendLink,
// revoked the old link but left the sessions opened with it alive. A delivered link now ends the
// sessions opened with the person's older links for the campaign; sessions opened with it (or with
// a newer link) and sessions not opened with a link stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLoginLink, rotateLoginLinks } from '../../api/src/auth/loginLinks.ts';
import { LinkRevokedError } from '../../api/src/auth/sessionAdapter.ts';
import { startSession } from '../../api/src/auth/sessions.ts';
import { signInWithLink } from '../../api/src/services/signIn.ts';
import { linkIn } from '../helpers/smtp.ts';
import { createTestWeb, sessionCookie, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let mailsSeen = 0;
const origin = { ip: '10.30.0.1', userAgent: 'test' };

beforeAll(async () => {
  t = await createTestWeb({ limits: { perEmail: { max: 100, windowMs: 3_600_000 }, perIp: { max: 1_000, windowMs: 3_600_000 } } });
  await t.openWindow();
});
afterAll(() => t?.close());

/** Delivers what is queued; returns the link of the newest mail to `email`. */
async function deliveredLink(email: string): Promise<{ e: string; h: string }> {
  expect((await t.deliver()).sent).toBe(1);
  const mails = await t.mailbox.waitFor(++mailsSeen);
  const link = linkIn(mails.filter((mail) => JSON.stringify(mail.to).includes(email)).at(-1)!);
  return { e: link.searchParams.get('e')!, h: link.searchParams.get('h')! };
}

async function signInWith(link: { e: string; h: string }): Promise<string> {
  const response = await t.postForm('/auth', link, { ip: '10.30.0.1' });
  expect(response.status).toBe(303);
  return sessionCookie(response);
}

async function viewer(cookie: string): Promise<string | null> {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: '{ viewer { email } }' }),
  });
  return ((await response.json()) as { data: { viewer: { email: string } | null } }).data.viewer?.email ?? null;
}

describe('a new link ends the sessions of the older ones', () => {
  it('«send my link again»: the sessions opened with the old link end when the new mail has left', async () => {
    const email = 'again@altai.example';
    expect((await t.register(email, {}, '10.30.0.1')).status).toBe(303);
    const first = await deliveredLink(email);
    const onLaptop = await signInWith(first);
    const onPhone = await signInWith(first);
    expect(await viewer(onLaptop)).toBe(email);

    const asked = await t.postForm('/link', { email, altcha: await t.captcha() }, { ip: '10.30.0.1' });
    expect(asked.headers.get('location')).toBe('/link/sent');
    // Until the new mail leaves, the old link and its sessions still work.
    expect(await viewer(onPhone)).toBe(email);
    const second = await deliveredLink(email);

    expect(await viewer(onLaptop)).toBeNull();
    expect(await viewer(onPhone)).toBeNull();
    const withNew = await signInWith(second);
    expect(await viewer(withNew)).toBe(email);
  });

  it("a coordinator's resendLink: the same", async () => {
    const email = 'resent@tver.example';
    expect((await t.register(email, {}, '10.30.0.2')).status).toBe(303);
    const first = await deliveredLink(email);
    const respondent = await signInWith(first);

    const coordinatorUser = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
    const { cookie } = await startSession(t.web.app.auth, coordinatorUser.id);
    const coordinator = `${cookie.name}=${cookie.value}`;
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const resend = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: coordinator },
      body: JSON.stringify({ query: `mutation { resendLink(input: { userId: "${user.id}", campaignCode: "nok-2021" }) { __typename } }` }),
    });
    expect(((await resend.json()) as { data: { resendLink: { __typename: string } } }).data.resendLink.__typename).toBe('MutationResendLinkSuccess');
    await deliveredLink(email);

    expect(await viewer(respondent)).toBeNull();
    // The coordinator's own session was not opened with a link: it stays.
    expect(await viewer(coordinator)).toBe('coordinator@vcot.example');
  });

  it('an older link delivered after a newer one ends neither the newer link nor its sessions', async () => {
    const user = await t.db.prisma.user.create({ data: { email: 'race@example.org', role: 'RESPONDENT' } });
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const older = await t.db.prisma.$transaction((tx) => issueLoginLink(tx, user.id, campaign.id));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await t.db.prisma.$transaction((tx) => issueLoginLink(tx, user.id, campaign.id));
    const withOlder = await signInWithLink(t.db.prisma, t.web.app.auth, { email: user.email, token: older.token, origin });
    // The newer mail leaves first: the older link and its session end.
    expect(await t.db.prisma.$transaction((tx) => rotateLoginLinks(tx, newer.linkId))).toEqual({ linksRevoked: 1, sessionsEnded: 1 });
    expect(withOlder.ok).toBe(true);
    const withNewer = await signInWithLink(t.db.prisma, t.web.app.auth, { email: user.email, token: newer.token, origin });
    expect(withNewer.ok).toBe(true);
    // The older mail leaves afterwards: nothing of the newer link ends.
    expect(await t.db.prisma.$transaction((tx) => rotateLoginLinks(tx, older.linkId))).toEqual({ linksRevoked: 0, sessionsEnded: 0 });
    expect(await t.db.prisma.session.count({ where: { userId: user.id, loginLinkId: newer.linkId } })).toBe(1);
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('a link revoked between its check and the session opens no session', async () => {
    const user = await t.db.prisma.user.create({ data: { email: 'late@example.org', role: 'RESPONDENT' } });
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const link = await t.db.prisma.$transaction((tx) => issueLoginLink(tx, user.id, campaign.id));
    await t.db.prisma.loginLink.update({ where: { id: link.linkId }, data: { revokedAt: new Date(), revokedReason: 'rotated' } });
    await expect(startSession(t.web.app.auth, user.id, { loginLinkId: link.linkId })).rejects.toBeInstanceOf(LinkRevokedError);
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
