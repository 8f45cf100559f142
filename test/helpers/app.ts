// The API over a fresh test database, called through yoga.fetch (no ports), with named fixtures.
import type { Database } from '../../api/src/db/client.ts';
import { startSession } from '../../api/src/auth/sessions.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createApp, type App, type AppOptions } from '../../api/src/yoga.ts';
import { createTestDatabase } from './db.ts';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Headers;
}

export interface TestApp {
  db: Database;
  app: App;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { cookie?: string; authorization?: string },
  ): Promise<GraphQLResult<T>>;
  /** A respondent (created as a fixture) with a session started through the session service. */
  respondent(email: string): Promise<{ id: string; cookie: string }>;
  /** Opens a campaign's window around now. */
  openWindow(campaignCode: string): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(options: { onQuery?: (sql: string) => void; portalBudget?: AppOptions['portalBudget'] } = {}): Promise<TestApp> {
  const db = await createTestDatabase({ onQuery: options.onQuery, contents: 'bootstrapped' });
  const app = createApp({ prisma: db.prisma, portalBudget: options.portalBudget });
  return {
    db,
    app,
    async gql(query, variables, options) {
      const response = await app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options?.cookie ? { cookie: options.cookie } : {}),
          ...(options?.authorization ? { authorization: options.authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: GraphQLResult['errors'] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async respondent(email) {
      const user = await db.prisma.user.create({ data: { email, role: 'RESPONDENT' } });
      const { cookie } = await startSession(app.auth, user.id);
      return { id: user.id, cookie: `${cookie.name}=${cookie.value}` };
    },
    async openWindow(campaignCode) {
      const now = Date.now();
      await setCampaignWindow(db.prisma, campaignCode, { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 10 * 86_400_000) });
    },
    close: () => db.close(),
  };
}
