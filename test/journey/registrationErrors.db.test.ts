// Registration as GOV.UK would have it (issue 13, item 9): every problem of the form at once in an
// error summary that links to each field, the robot check included (and not used up by a refused
// form); Cyrillic addresses accepted and mailed (an ASCII local part at a Cyrillic domain goes to the
// punycode domain; a Cyrillic local part goes with SMTPUTF8).
import { domainToASCII } from 'node:url';
import { format } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../api/src/email/mailer.ts';
import { freePort } from '../helpers/smtp.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let server: SMTPServer;
/** What the SMTP server was told: the envelope's recipients and the MAIL FROM parameters. */
const envelopes: { to: string[]; smtputf8: boolean; data: string }[] = [];
const wire: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // The commands as they came over the wire (smtp-server decodes punycode in what it hands on).
    logger: Object.fromEntries(
      ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, (...args: unknown[]) => wire.push(format(...args.slice(1)))]),
    ) as never,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const args = (session.envelope.mailFrom && (session.envelope.mailFrom as { args?: Record<string, string> }).args) || {};
        envelopes.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          smtputf8: 'SMTPUTF8' in args,
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  t = await createTestWeb({ mailer: smtpMailer(`smtp://127.0.0.1:${port}`) });
  await t.openWindow();
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const summaryLinks = (page: string) => [...page.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => [match[1], match[2]]);

describe('every error at once', () => {
  it('an empty form: the e-mail, the robot check and the consent, in the order of the page, each a link', async () => {
    const response = await t.postForm('/register', { email: '' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>\s*<h2>Исправьте ошибки<\/h2>/);
    const links = summaryLinks(page);
    expect(links.map(([target]) => target)).toEqual(['email', 'captcha-field', 'consent']);
    expect(links[0]![1]).toBe('Укажите адрес электронной почты.');
    expect(links[1]![1]).toMatch(/^Подтвердите, что Вы не робот/);
    expect(links[2]![1]).toMatch(/^Без согласия/);
    // Each field says its own problem too, and every link has its target.
    for (const field of ['email', 'captcha', 'consent']) expect(page).toContain(`id="${field}-error"`);
    for (const [target] of links) expect(page).toContain(`id="${target}"`);
    expect(await t.db.prisma.user.count()).toBe(0);
  }, 90_000);

  it('a bad address and no consent with a solved robot check: two errors, and the check is not used up', async () => {
    const altcha = await t.captcha();
    const refused = await t.postForm('/register', { email: 'ivanov@', altcha });
    expect(refused.status).toBe(400);
    const links = summaryLinks(await refused.text());
    expect(links.map(([target]) => target)).toEqual(['email', 'consent']);
    const accepted = await t.postForm('/register', { email: 'ivanov@example.org', consent: 'yes', altcha });
    expect(accepted.status).toBe(303);
  });

  it('«send my link again» lists the address and the robot check together', async () => {
    const response = await t.postForm('/link', { email: 'nonsense' });
    expect(summaryLinks(await response.text()).map(([target]) => target)).toEqual(['email', 'captcha-field']);
  });
});

describe('Cyrillic addresses', () => {
  it('accepts иванов@минтруд.рф, stores one spelling and mails it with SMTPUTF8', async () => {
    const response = await t.register(' Иванов@Минтруд.РФ ');
    expect(response.status).toBe(303);
    const user = await t.db.prisma.user.findUnique({ where: { email: 'иванов@минтруд.рф' } });
    expect(user).not.toBeNull();
    // The punycode spelling of the same domain is the same person.
    expect((await t.register(`иванов@${domainToASCII('минтруд.рф')}`)).status).toBe(303);
    expect(await t.db.prisma.user.count({ where: { email: { contains: 'минтруд' } } })).toBe(1);
    envelopes.length = 0;
    await t.deliver();
    const mail = envelopes.find((envelope) => envelope.to.includes('иванов@минтруд.рф'));
    expect(mail?.smtputf8).toBe(true);
    expect(mail?.data).toMatch(/^To: .*(иванов@минтруд\.рф|=\?UTF-8\?)/m);
  });

  it('an ASCII name at a Cyrillic domain goes to the punycode domain, without SMTPUTF8', async () => {
    expect((await t.register('ivanov@минтруд.рф')).status).toBe(303);
    envelopes.length = 0;
    wire.length = 0;
    await t.deliver();
    const ascii = `ivanov@${domainToASCII('минтруд.рф')}`;
    expect(ascii).toBe('ivanov@xn--d1ahlfpli.xn--p1ai');
    expect(envelopes.map(({ smtputf8 }) => smtputf8)).toEqual([false]);
    expect(wire.filter((line) => /RCPT TO/i.test(line)).join('\n')).toContain(`RCPT TO:<${ascii}>`);
  });

  it.each([
    ['иванов@минтруд', 'no top-level domain'],
    ['иванов@-минтруд.рф', 'a label starting with a hyphen'],
    ['ива нов@минтруд.рф', 'a space'],
    ['иванов..петров@минтруд.рф', 'two dots'],
    ['иванов@минтруд..рф', 'an empty label'],
  ])('refuses %s (%s)', async (email) => {
    const response = await t.register(email);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('иванов@минтруд.рф');
  });
});

describe('two windows open (item 15)', () => {
  it('the page offers both surveys, none chosen; a registration without a choice says so; the choice decides the link', async () => {
    await t.openWindow('nok-2023');
    const page = await (await t.request('/')).text();
    expect(page).toContain('<h1>Регистрация в мониторинге</h1>');
    const radios = [...page.matchAll(/<input type="radio" id="campaign-([^"]+)" name="campaign" value="[^"]+" required( checked)?>/g)];
    expect(radios.map((match) => match[1]).sort()).toEqual(['nok-2021', 'nok-2023']);
    expect(radios.every((match) => !match[2])).toBe(true);
    const refused = await t.register('choice@example.org');
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(summaryLinks(refusedPage)).toEqual([['campaign-field', 'Выберите опрос, в котором Вы участвуете.']]);
    expect(await t.db.prisma.user.count({ where: { email: 'choice@example.org' } })).toBe(0);
    // An unknown code is no choice either, and the page keeps what was typed.
    const unknown = await t.register('choice@example.org', { campaign: 'nok-1999' });
    expect(summaryLinks(await unknown.text()).map(([target]) => target)).toEqual(['campaign-field']);
    const chosen = await t.register('choice@example.org', { campaign: 'nok-2023' });
    expect(chosen.status).toBe(303);
    await t.deliver();
    const link = await t.db.prisma.loginLink.findFirstOrThrow({ where: { user: { email: 'choice@example.org' } }, include: { campaign: true } });
    expect(link.campaign.code).toBe('nok-2023');
    // «Send my link again» sends the link of the survey the person registered for.
    const again = await t.postForm('/link', { email: 'choice@example.org', altcha: await t.captcha() });
    expect(again.status).toBe(303);
    await t.deliver();
    const links = await t.db.prisma.loginLink.findMany({ where: { user: { email: 'choice@example.org' } }, include: { campaign: true } });
    expect(links.map((one) => one.campaign.code)).toEqual(['nok-2023', 'nok-2023']);
  });
});
