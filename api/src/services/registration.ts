// Registration and "send me my link again". Both answer the same whether or not the address is
// known (no account enumeration), are rate-limited per address and per IP (an over-limit request
// writes nothing), need the robot check, and work only while a campaign's window is open — checked
// by the database's clock in the same transaction that writes the person, the consent and the mail.
import type { Db, Tx } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import { logAuthEvent, logRefusal, type RefusalKind, type RequestOrigin } from '../auth/authEvents.ts';
import { verifyCaptcha, type CaptchaOutcome } from '../auth/captcha.ts';
import { isEmailAddress, normaliseEmail } from '../auth/loginLinks.ts';
import { hitRateLimits, type Limit } from '../auth/rateLimit.ts';
import { pruneAuthRecordsWhenDue } from '../auth/retention.ts';
import { enqueueLoginLinkMail } from '../email/outbox.ts';
import { moscowDayText, windowState } from '../survey/window.ts';
import { lockWindowsForCheck } from './campaigns.ts';
import { recordConsent } from './consent.ts';

export interface RateLimits {
  perEmail: { max: number; windowMs: number };
  perIp: { max: number; windowMs: number };
}

export const defaultRateLimits: RateLimits = {
  perEmail: { max: 3, windowMs: 60 * 60 * 1000 },
  perIp: { max: 30, windowMs: 60 * 60 * 1000 },
};

export type RegistrationField = 'email' | 'campaign' | 'consent' | 'captcha' | 'form';

export class RegistrationRefused extends Error {
  constructor(
    readonly field: RegistrationField,
    message: string,
    readonly status: 400 | 403 | 429,
    readonly event: RefusalKind,
    /** Every problem of the form at once, when there are several (the first is `field`'s). */
    readonly fields: Partial<Record<RegistrationField, string>> = { [field]: message },
  ) {
    super(message);
  }
}

export function parseEmail(raw: unknown): string {
  const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
  if (!email) throw new RegistrationRefused('email', 'Укажите адрес электронной почты.', 400, 'registration_refused');
  if (!isEmailAddress(email)) {
    throw new RegistrationRefused(
      'email',
      'Проверьте адрес электронной почты: он должен выглядеть как name@example.ru или иванов@минтруд.рф.',
      400,
      'registration_refused',
    );
  }
  return email;
}

const captchaMessages: Record<Exclude<CaptchaOutcome, 'ok'>, string> = {
  missing: 'Подтвердите, что Вы не робот: отметьте «Я не робот» и дождитесь завершения проверки.',
  malformed: 'Проверка «Я не робот» не пройдена. Обновите страницу и пройдите её снова.',
  invalid: 'Проверка «Я не робот» не пройдена. Обновите страницу и пройдите её снова.',
  expired: 'Проверка «Я не робот» устарела. Пройдите её снова.',
  replayed: 'Эта проверка «Я не робот» уже использована. Пройдите её снова.',
};

/**
 * The campaign open for registration now, by the database's clock read under the window lock (held
 * until the transaction ends, so the window cannot change before it commits: campaigns.ts).
 */
export async function openCampaignForRegistration(
  tx: Tx,
): Promise<{ campaign: Campaign | null; open: Campaign[]; next: Campaign | null; now: Date }> {
  await lockWindowsForCheck(tx);
  // Campaign times are UTC timestamps; the clock is compared in UTC whatever the session's time zone.
  const rows = await tx.$queryRaw<{ id: number | null; now: Date }[]>`
    SELECT open.id, clock.now FROM (SELECT clock_timestamp() AS now) AS clock
    LEFT JOIN LATERAL (
      SELECT id FROM "Campaign"
      WHERE state = 'PUBLISHED' AND "opensAt" <= (clock.now AT TIME ZONE 'UTC') AND (clock.now AT TIME ZONE 'UTC') < "closesAt"
      ORDER BY "opensAt" DESC LIMIT 1
    ) AS open ON true`;
  const now = new Date(rows[0]!.now);
  const openId = rows[0]!.id;
  const campaign = openId === null ? null : await tx.campaign.findUniqueOrThrow({ where: { id: openId } });
  // Every campaign open now (two windows may overlap): the person chooses among them.
  const open = campaign
    ? await tx.campaign.findMany({
        where: { state: 'PUBLISHED', opensAt: { lte: now }, closesAt: { gt: now } },
        orderBy: { opensAt: 'desc' },
        take: 10,
      })
    : [];
  const next = campaign ? null : await tx.campaign.findFirst({ where: { state: 'PUBLISHED', opensAt: { gt: now } }, orderBy: { opensAt: 'asc' } });
  return { campaign, open: open.length ? open : campaign ? [campaign] : [], next, now };
}

function windowClosedMessage(next: Campaign | null): string {
  return next
    ? `Регистрация и заполнение анкеты откроются ${moscowDayText(next.opensAt)}.`
    : 'Сейчас нет открытого опроса: регистрация и заполнение анкеты недоступны.';
}

export interface RegistrationInput {
  email: unknown;
  /** The campaign's code, chosen on the page when several windows are open (else the open one). */
  campaign?: string | null;
  consent: boolean;
  captcha: string | null;
  origin: RequestOrigin;
}

export interface JourneyOptions {
  limits?: RateLimits;
}

function limitsFor(email: string, origin: RequestOrigin, limits: RateLimits): Limit[] {
  return [{ key: `email:${email}`, ...limits.perEmail }, ...(origin.ip ? [{ key: `ip:${origin.ip}`, ...limits.perIp }] : [])];
}

/**
 * What every request that sends a link must pass, inside its transaction: an open window, the robot
 * check (marked used), and the rate limits (counted only when admitted). Returns the open campaign
 * and the database's clock.
 */
async function admitMailRequest(
  prisma: Db,
  tx: Tx,
  email: string,
  input: { captcha: string | null; origin: RequestOrigin; campaign?: string | null },
  options: JourneyOptions,
  refusal: RefusalKind,
): Promise<{ campaign: Campaign; open: Campaign[]; now: Date }> {
  const { open, next, now } = await openCampaignForRegistration(tx);
  if (!open.length) throw new RegistrationRefused('form', windowClosedMessage(next), 403, refusal);
  // «Send my link again» chooses nothing: requestLink picks among `open` itself.
  const campaign = input.campaign === undefined ? open[0]! : chosenCampaign(open, input.campaign);
  if (!campaign) throw new RegistrationRefused('campaign', CHOOSE_CAMPAIGN, 400, refusal);
  const captcha = await verifyCaptcha(prisma, tx, input.captcha);
  if (captcha !== 'ok') throw new RegistrationRefused('captcha', captchaMessages[captcha], 400, 'captcha_failed');
  const exceeded = await hitRateLimits(tx, limitsFor(email, input.origin, options.limits ?? defaultRateLimits));
  if (exceeded) {
    throw new RegistrationRefused(
      'form',
      'Слишком много запросов. Проверьте почту (и папку «Спам») или повторите попытку через час.',
      429,
      'rate_limited',
    );
  }
  return { campaign, open, now };
}

/**
 * Runs a step of a link request; a refusal is logged as an auth event before it reaches the caller,
 * aggregated per network and minute (anyone can send these requests, as fast as they like).
 */
async function loggingRefusals<T>(prisma: Db, origin: RequestOrigin, email: string | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RegistrationRefused) {
      await logRefusal(prisma, error.event, origin, { email, detail: error.message });
    }
    throw error;
  }
}

/**
 * Every problem of the form's own fields at once (GOV.UK: all errors together), the robot check
 * included: it is verified in a transaction that is rolled back, so it is not used up and the person
 * only has to fix the rest. Nothing is thrown when the fields are fine.
 */
async function checkFields(
  prisma: Db,
  input: { email: unknown; consent?: boolean; captcha: string | null; campaign?: string | null },
  event: RefusalKind,
): Promise<string> {
  const problems: Partial<Record<RegistrationField, string>> = {};
  let email = '';
  try {
    email = parseEmail(input.email);
  } catch (error) {
    if (!(error instanceof RegistrationRefused)) throw error;
    problems.email = error.message;
  }
  if (input.campaign !== undefined) {
    const { open } = await prisma.$transaction((tx) => openCampaignForRegistration(tx));
    if (open.length > 1 && !chosenCampaign(open, input.campaign)) problems.campaign = CHOOSE_CAMPAIGN;
  }
  if (input.consent === false) problems.consent = 'Без согласия на обработку персональных данных регистрация невозможна: отметьте согласие.';
  if (!Object.keys(problems).length) return email;
  const captcha = await captchaWithoutUsing(prisma, input.captcha);
  if (captcha !== 'ok') problems.captcha = captchaMessages[captcha];
  // In the order of the page: e-mail, survey, robot check, consent.
  const ordered = (['email', 'campaign', 'captcha', 'consent'] as const).filter((field) => problems[field]);
  const first = ordered[0]!;
  throw new RegistrationRefused(
    first,
    problems[first]!,
    400,
    first === 'captcha' ? 'captcha_failed' : event,
    Object.fromEntries(ordered.map((field) => [field, problems[field]])),
  );
}

class RollBack extends Error {}

const CHOOSE_CAMPAIGN = 'Выберите опрос, в котором Вы участвуете.';

/** The campaign chosen among the open ones; the only open one when nothing (or nothing known) was chosen. */
function chosenCampaign(open: Campaign[], code: string | null | undefined): Campaign | null {
  return open.find((campaign) => campaign.code === code) ?? (open.length === 1 && !code ? open[0]! : null);
}

/** The address for the refusal's log entry, when it is one. */
function emailOrNull(raw: unknown): string | null {
  try {
    return parseEmail(raw);
  } catch {
    return null;
  }
}

/** The robot check's verdict without marking it used (the transaction that claims it is rolled back). */
async function captchaWithoutUsing(prisma: Db, payload: string | null): Promise<CaptchaOutcome> {
  if (!payload) return 'missing';
  let outcome: CaptchaOutcome = 'invalid';
  try {
    await prisma.$transaction(async (tx) => {
      outcome = await verifyCaptcha(prisma, tx, payload);
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return outcome;
}

/** Registers a respondent (or re-sends the link of a known one: the answer is the same). */
export async function register(prisma: Db, input: RegistrationInput, options: JourneyOptions = {}): Promise<void> {
  await pruneAuthRecordsWhenDue(prisma);
  const email = await loggingRefusals(prisma, input.origin, emailOrNull(input.email), () => checkFields(prisma, input, 'registration_refused'));
  await loggingRefusals(prisma, input.origin, email, async () => {
    await prisma.$transaction(async (tx) => {
      const { campaign } = await admitMailRequest(prisma, tx, email, input, options, 'registration_refused');
      const user = await tx.user.upsert({ where: { email }, create: { email, role: 'RESPONDENT' }, update: {} });
      await recordConsent(tx, user.id, email, input.origin);
      // Coordinators and disabled accounts get no respondent link, and the answer does not say so.
      if (user.role === 'RESPONDENT' && !user.disabledAt) await enqueueLoginLinkMail(tx, email, { userId: user.id, campaignId: campaign.id });
      await logAuthEvent(tx, 'registered', input.origin, { email, userId: user.id });
    });
  });
}

/** "Send me my link again": rotates the link of a known respondent; unknown addresses get the same answer. */
export async function requestLink(prisma: Db, input: Omit<RegistrationInput, 'consent'>, options: JourneyOptions = {}): Promise<void> {
  await pruneAuthRecordsWhenDue(prisma);
  const email = await loggingRefusals(prisma, input.origin, emailOrNull(input.email), () => checkFields(prisma, input, 'link_request_refused'));
  await loggingRefusals(prisma, input.origin, email, async () => {
    await prisma.$transaction(async (tx) => {
      const admitted = await admitMailRequest(prisma, tx, email, input, options, 'link_request_refused');
      const { open, now } = admitted;
      const user = await tx.user.findUnique({ where: { email } });
      // With several windows open, the link is for the open campaign the person last had a link for.
      const last =
        user && open.length > 1
          ? await tx.loginLink.findFirst({ where: { userId: user.id, campaignId: { in: open.map((c) => c.id) } }, orderBy: { createdAt: 'desc' } })
          : null;
      const campaign = open.find((candidate) => candidate.id === last?.campaignId) ?? admitted.campaign;
      if (user && user.role === 'RESPONDENT' && !user.disabledAt && windowState(campaign, now) === 'OPEN') {
        await enqueueLoginLinkMail(tx, email, { userId: user.id, campaignId: campaign.id });
      }
      await logAuthEvent(tx, 'link_requested', input.origin, { email, userId: user?.id ?? null, detail: user ? null : 'unknown address' });
    });
  });
}
