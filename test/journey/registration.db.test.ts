// Registration, the personal link by e-mail, signing in and out — through the web handler, with a
// real SMTP server receiving the mail.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CONSENT } from '../../api/src/services/consent.ts';
import { linkIn } from '../helpers/smtp.ts';
import { createTestWeb, PUBLIC_URL, sessionCookie, type TestWeb } from '../helpers/web.ts';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
let t: TestWeb;

async function counts() {
  const [users, consents, outbox, links] = await Promise.all([
    t.db.prisma.user.count(),
    t.db.prisma.consent.count(),
    t.db.prisma.outboxMail.count(),
    t.db.prisma.loginLink.count(),
  ]);
  return { users, consents, outbox, links };
}

beforeAll(async () => {
  t = await createTestWeb({ limits: { perEmail: { max: 3, windowMs: 3_600_000 }, perIp: { max: 12, windowMs: 3_600_000 } } });
  await t.openWindow();
});
afterAll(() => t?.close());

describe('registration page', () => {
  it('asks for the e-mail, the robot check and an unticked consent', async () => {
    const response = await t.request('/');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('Адрес электронной почты');
    expect(page).toContain('<altcha-widget challenge="/altcha/challenge"');
    expect(page).toContain(CURRENT_CONSENT.text.replace(/«/g, '&laquo;').slice(0, 20));
    expect(page).toMatch(/<input type="checkbox" id="consent" name="consent" value="yes" required>/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('registering, the mail and the personal link', () => {
  let link: URL;

  it('registers, records the consent and queues the mail in the same transaction', async () => {
    const response = await t.register('Official@Altai.example', {}, '10.1.1.1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/registered');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'official@altai.example' }, include: { consents: true } });
    expect(user.consents).toHaveLength(1);
    expect(user.consents[0]).toMatchObject({
      textVersion: CURRENT_CONSENT.version,
      textSha256: sha256(CURRENT_CONSENT.text),
      ip: '10.1.1.1',
      email: 'official@altai.example',
    });
    const mail = await t.db.prisma.outboxMail.findFirstOrThrow({ where: { to: 'official@altai.example' } });
    expect(mail.status).toBe('PENDING');
    const registered = await (await t.request('/registered')).text();
    expect(registered).toContain('Учетная запись создана успешно');
    expect(registered).toContain('Спам');
  });

  it('delivers «Мониторинг результатов НОК» with the personal link, in text and HTML, with the support contacts', async () => {
    expect((await t.deliver()).sent).toBe(1);
    const [mail] = await t.mailbox.waitFor(1);
    expect(mail!.subject).toBe('Мониторинг результатов НОК');
    link = linkIn(mail!);
    expect(link.origin).toBe(PUBLIC_URL);
    expect(link.searchParams.get('e')).toBe('official@altai.example');
    expect(link.searchParams.get('h')!.length).toBeGreaterThanOrEqual(43);
    expect(mail!.html).toContain(link.searchParams.get('h'));
    expect(mail!.text).toContain('(495) 917-26-89');
    expect(mail!.text).toContain('diagnostica@vcot.info');
    expect((await t.db.prisma.outboxMail.findFirstOrThrow()).status).toBe('SENT');
  });

  it('stores the token only as its SHA-256: no row anywhere holds it', async () => {
    const token = link.searchParams.get('h')!;
    const links = await t.db.prisma.loginLink.findMany();
    expect(links.map((row) => row.tokenSha256)).toContain(sha256(token));
    const everything = JSON.stringify([
      links,
      await t.db.prisma.outboxMail.findMany(),
      await t.db.prisma.authEvent.findMany(),
      await t.db.prisma.session.findMany(),
    ]);
    expect(everything).not.toContain(token);
  });

  it('GET of the link only shows «Войти» (prefetch-safe) with a strict referrer policy', async () => {
    const response = await t.request(`${link.pathname}${link.search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin');
    expect(await response.text()).toContain('>Войти</button>');
    expect(await t.db.prisma.session.count()).toBe(0);
  });

  it('POST signs in: a new session cookie (HttpOnly, SameSite=Lax) and the form of the campaign', async () => {
    const response = await t.postForm('/auth', { e: link.searchParams.get('e')!, h: link.searchParams.get('h')! });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/form/nok-2021/');
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = sessionCookie(response);
    const viewer = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect((await viewer.json()).data.viewer.email).toBe('official@altai.example');
    const form = await t.request('/form/nok-2021/', { headers: { cookie } });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('data-campaign="nok-2021"');
  });

  it('the link is reusable until the questionnaire is sent, and bound to its e-mail', async () => {
    const again = await t.postForm('/auth', { e: 'official@altai.example', h: link.searchParams.get('h')! });
    expect(again.status).toBe(303);
    const otherEmail = await t.postForm('/auth', { e: 'someone@else.example', h: link.searchParams.get('h')! });
    expect(otherEmail.status).toBe(400);
    expect(await otherEmail.text()).toContain('Ссылка недействительна');
    const unknown = await t.postForm('/auth', { e: 'official@altai.example', h: 'A'.repeat(43) });
    expect(unknown.status).toBe(400);
  });

  it('«send my link again» rotates it: the older link stops working', async () => {
    const response = await t.postForm('/link', { email: 'official@altai.example', altcha: await t.captcha() });
    expect(response.headers.get('location')).toBe('/link/sent');
    expect((await t.deliver()).sent).toBe(1);
    const mails = await t.mailbox.waitFor(2);
    const newer = linkIn(mails[1]!);
    expect(newer.searchParams.get('h')).not.toBe(link.searchParams.get('h'));
    const old = await t.postForm('/auth', { e: 'official@altai.example', h: link.searchParams.get('h')! });
    expect(old.status).toBe(400);
    expect(await old.text()).toContain('более новая');
    expect((await t.postForm('/auth', { e: 'official@altai.example', h: newer.searchParams.get('h')! })).status).toBe(303);
    link = newer;
  });

  it('logging out ends the session', async () => {
    const cookie = sessionCookie(await t.postForm('/auth', { e: 'official@altai.example', h: link.searchParams.get('h')! }));
    const before = await t.db.prisma.session.count();
    const response = await t.postForm('/auth/logout', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()[0]).toMatch(/nok_session=;.*Max-Age=0/);
    expect(await t.db.prisma.session.count()).toBe(before - 1);
    const viewer = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect((await viewer.json()).data.viewer).toBeNull();
  });

  it('after the questionnaire is sent the link no longer signs in', async () => {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'official@altai.example' } });
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.db.prisma.response.create({ data: { campaignId: campaign.id, respondentId: user.id, status: 'SUBMITTED', submittedAt: new Date() } });
    const response = await t.postForm('/auth', { e: 'official@altai.example', h: link.searchParams.get('h')! });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Анкета уже отправлена');
  });
});

describe('no account enumeration', () => {
  it('a known address registering again gets the same answer', async () => {
    const response = await t.register('official@altai.example', {}, '10.2.2.2');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/registered');
  });

  it('«send my link again» answers the same for an unknown address, and sends nothing', async () => {
    const before = await counts();
    const response = await t.postForm('/link', { email: 'nobody@nowhere.example', altcha: await t.captcha() }, { ip: '10.3.3.3' });
    expect(response.headers.get('location')).toBe('/link/sent');
    expect((await counts()).outbox).toBe(before.outbox);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, () => Promise<Record<string, string>>, number, RegExp][] = [
    ['malformed e-mail', async () => ({ email: 'not-an-email', consent: 'yes', altcha: await t.captcha() }), 400, /name@example\.ru/],
    ['missing consent', async () => ({ email: 'new@example.org', altcha: await t.captcha() }), 400, /Без согласия/],
    ['missing robot check', async () => ({ email: 'new@example.org', consent: 'yes' }), 400, /не робот/],
    [
      'forged robot check',
      async () => ({ email: 'new@example.org', consent: 'yes', altcha: Buffer.from('{"challenge":{},"solution":{}}').toString('base64') }),
      400,
      /не пройдена/,
    ],
  ];
  for (const [name, fields, status, message] of cases) {
    it(`${name}: a clear message, nothing stored`, async () => {
      const before = await counts();
      const response = await t.postForm('/register', await fields(), { ip: '10.4.4.4' });
      expect(response.status).toBe(status);
      const page = await response.text();
      expect(page).toMatch(message);
      expect(page).toContain('class="error-summary"');
      expect(await counts()).toEqual(before);
    });
  }

  it('a replayed robot check fails', async () => {
    const altcha = await t.captcha();
    expect((await t.postForm('/register', { email: 'replay@example.org', consent: 'yes', altcha }, { ip: '10.5.5.5' })).status).toBe(303);
    const before = await counts();
    const replay = await t.postForm('/register', { email: 'replay2@example.org', consent: 'yes', altcha }, { ip: '10.5.5.5' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('уже использована');
    expect(await counts()).toEqual(before);
  });

  it('a script in the e-mail field is shown back as text', async () => {
    const response = await t.postForm(
      '/register',
      { email: '<script>alert(1)</script>', consent: 'yes', altcha: await t.captcha() },
      { ip: '10.6.6.6' },
    );
    const page = await response.text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('a huge body is refused with 413 and no 5xx', async () => {
    const response = await t.request('/register', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL },
      body: `email=${'a'.repeat(200_000)}`,
    });
    expect(response.status).toBe(413);
    const graphql = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ viewer { id } } #${'x'.repeat(2_000_000)}` }),
    });
    expect(graphql.status).toBe(413);
  });

  it('a form posted from another site is refused', async () => {
    const response = await t.postForm(
      '/register',
      { email: 'csrf@example.org', consent: 'yes', altcha: await t.captcha() },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(await t.db.prisma.user.count({ where: { email: 'csrf@example.org' } })).toBe(0);
  });
});

describe('rate limits', () => {
  it('per address: the fourth request in an hour is refused and queues no mail', async () => {
    for (let i = 0; i < 3; i++) expect((await t.register('busy@example.org', {}, `10.7.7.${i}`)).status).toBe(303);
    const before = await counts();
    const response = await t.register('busy@example.org', {}, '10.7.7.9');
    expect(response.status).toBe(429);
    expect(await response.text()).toContain('Слишком много запросов');
    expect(await counts()).toEqual(before);
  });

  it('per IP: many addresses from one address are refused past the limit', async () => {
    let refused = 0;
    for (let i = 0; i < 14; i++) {
      const response = await t.register(`flood${i}@example.org`, {}, '10.8.8.8');
      if (response.status === 429) refused += 1;
    }
    expect(refused).toBe(2);
    // Refusals are logged aggregated per address and minute: the counts add up to the refusals.
    const logged = await t.db.prisma.authEvent.aggregate({ where: { kind: 'rate_limited', ip: '10.8.8.8' }, _sum: { count: true } });
    expect(logged._sum.count).toBe(2);
  });
});

describe('the window', () => {
  it('outside the window registration is refused and says when the survey opens', async () => {
    const opensAt = new Date(Date.now() + 5 * 86_400_000);
    await t.db.prisma.campaign.update({ where: { code: 'nok-2021' }, data: { opensAt, closesAt: new Date(opensAt.getTime() + 86_400_000 * 10) } });
    try {
      expect(await (await t.request('/')).text()).toContain('Регистрация недоступна');
      const before = await counts();
      const response = await t.register('late@example.org', {}, '10.9.9.9');
      expect(response.status).toBe(403);
      expect(await counts()).toEqual(before);
    } finally {
      await t.openWindow();
    }
  });

  it('a link stops working when the campaign closes', async () => {
    await t.register('closing@example.org', {}, '10.10.10.10');
    await t.deliver();
    const mails = await t.mailbox.waitFor(1);
    const link = linkIn(mails.find((mail) => mail.to && JSON.stringify(mail.to).includes('closing@example.org'))!);
    await t.db.prisma.campaign.update({ where: { code: 'nok-2021' }, data: { closesAt: new Date(Date.now() - 1000) } });
    try {
      const response = await t.postForm('/auth', { e: 'closing@example.org', h: link.searchParams.get('h')! });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Срок проведения опроса завершён');
    } finally {
      await t.openWindow();
    }
  });
});
