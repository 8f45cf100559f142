// The whole web surface (pages, sign-in, GraphQL) over a fresh test database, called through its
// fetch handler; mail goes to a real SMTP mailbox; the robot check is solved like the widget does.
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { solveChallenge } from 'altcha-lib';
import type { Database } from '../../api/src/db/client.ts';
import { smtpMailer, type Mailer } from '../../api/src/email/mailer.ts';
import { processOutbox } from '../../api/src/email/outbox.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import type { RateLimits } from '../../api/src/services/registration.ts';
import { createWeb, type Web } from '../../api/src/http/web.ts';
import { createTestDatabase } from './db.ts';
import { startMailbox, type Mailbox } from './smtp.ts';

export const PUBLIC_URL = 'http://monitoring.test';
/** A cheap robot check, so tests solve it in milliseconds (the real one costs a browser ~1 s). */
export const testCaptcha = { cost: 10, counterMin: 10, counterMax: 50 };

export interface TestWeb {
  db: Database;
  web: Web;
  mailbox: Mailbox;
  mailer: Mailer;
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
  postForm(path: string, fields: Record<string, string>, init?: { cookie?: string; ip?: string; origin?: string }): Promise<Response>;
  captcha(): Promise<string>;
  register(email: string, extra?: Record<string, string>, ip?: string): Promise<Response>;
  deliver(): ReturnType<typeof processOutbox>;
  openWindow(code?: string): Promise<void>;
  /** Creates a coordinator with these credentials, signs in through the API and returns the session cookie. */
  signInCoordinator(credentials: { email: string; password: string }): Promise<string>;
  close(): Promise<void>;
}

export async function createTestWeb(options: { limits?: RateLimits; mailer?: Mailer } = {}): Promise<TestWeb> {
  const db = await createTestDatabase({ contents: 'bootstrapped' });
  const mailbox = await startMailbox();
  const mailer = options.mailer ?? smtpMailer(mailbox.url);
  const web = createWeb({ prisma: db.prisma, mailer, publicUrl: PUBLIC_URL, outboxIntervalMs: 0, captcha: testCaptcha, limits: options.limits });
  const request: TestWeb['request'] = (path, init = {}) =>
    web.fetch(new Request(`${PUBLIC_URL}${path}`, { redirect: 'manual', ...init }), { ip: init.ip ?? '127.0.0.1' });
  const t: TestWeb = {
    db,
    web,
    mailbox,
    mailer,
    request,
    postForm(path, fields, init = {}) {
      return request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: init.origin ?? PUBLIC_URL,
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
        body: new URLSearchParams(fields).toString(),
        ip: init.ip,
      });
    },
    async captcha() {
      const challenge = await (await request('/altcha/challenge')).json();
      const solution = await solveChallenge({ challenge, deriveKey });
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    },
    async register(email, extra = {}, ip) {
      return t.postForm('/register', { email, consent: 'yes', altcha: await t.captcha(), ...extra }, { ip });
    },
    deliver: () => processOutbox({ prisma: db.prisma, mailer, publicUrl: PUBLIC_URL }),
    async openWindow(code = 'nok-2021') {
      const now = Date.now();
      await setCampaignWindow(db.prisma, code, { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 10 * 86_400_000) });
    },
    async signInCoordinator(credentials) {
      await createCoordinator(db.prisma, credentials);
      const signIn = await request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }', variables: { input: credentials } }),
      });
      return sessionCookie(signIn);
    },
    async close() {
      await web.close();
      await mailbox.close();
      await db.close();
    },
  };
  return t;
}

/** "name=value" of the session cookie a response sets. */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('nok_session='));
  if (!cookie) throw new Error('no session cookie set');
  return cookie.split(';')[0]!;
}
