// Issue 11: the example client of docs/portal.md, run as a developer runs it (npx tsx, a child
// process) against a listening server with a token of its region: it prints the region's status and
// the practice catalogue; with a revoked token it prints the server's Russian refusal and exits 1.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../api/src/email/mailer.ts';
import { toNodeListener } from '../../api/src/http/node.ts';
import { createWeb, type Web } from '../../api/src/http/web.ts';
import type { Database } from '../../api/src/db/client.ts';
import { issuePortalToken, revokePortalToken } from '../../api/src/services/portalTokens.ts';
import { respondentWith } from '../helpers/console.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { section1 } from '../helpers/fixtures2021.ts';
import { freePort, startMailbox, type Mailbox } from '../helpers/smtp.ts';
import { testCaptcha } from '../helpers/web.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const actor = { id: 'test', email: 'coordinator@vcot.example' };

let db: Database;
let mailbox: Mailbox;
let web: Web;
let server: Server;
let url = '';

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped' });
  mailbox = await startMailbox();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  web = createWeb({ prisma: db.prisma, mailer: smtpMailer(mailbox.url), publicUrl: url, captcha: testCaptcha, outboxIntervalMs: 0 });
  server = createServer(toNodeListener(web, url));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const now = Date.now();
  await setCampaignWindow(db.prisma, 'nok-2021', { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 10 * 86_400_000) });
  await respondentWith({ db }, 'official@altai.example', 'nok-2021', [['authority', section1]], { submitted: true });
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  await web?.close();
  await mailbox?.close();
  await db?.close();
});

const client = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'examples/portal-client.ts', '--url', url, ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: '' },
  });

describe('examples/portal-client.ts', () => {
  it("prints its region's status and the practice catalogue", { timeout: 60_000 }, async () => {
    const { secret } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-ALT', name: 'Пример' });
    const { stdout } = await client('--token', secret, '--per-page', '3');
    expect(stdout).toContain('Регион: Алтайский край (RU-ALT)');
    expect(stdout).toMatch(/\[nok-2021\] — OPEN/);
    expect(stdout).toContain('Анкет: 1, заполняются: 0, отправлены: 1');
    expect(stdout).toContain(`Отправили анкеты: ${section1.authority_name}`);
    expect(stdout).toMatch(/Каталог лучших практик: \d+/);
    expect(stdout.match(/^ {2}\[\d+\] /gm)).toHaveLength(3);
    expect(stdout).not.toContain(section1.respondent_name);
  });

  it("prints the server's refusal of a revoked token and exits 1", { timeout: 60_000 }, async () => {
    const { secret, token } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-ALT', name: 'Отозванный' });
    await revokePortalToken(db.prisma, actor, token.id);
    const failed = await client('--token', secret).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('HTTP 401, UNAUTHENTICATED: Токен портала отозван');
  });
});
