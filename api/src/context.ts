// What every resolver gets: the database, the sessions service and who is calling.
import type { Db } from './db/client.ts';
import type { Role } from './generated/prisma/enums.ts';
import type { RequestOrigin } from './auth/authEvents.ts';
import { sessionFromRequest, type Auth } from './auth/sessions.ts';

export interface Viewer {
  id: string;
  email: string;
  role: Role;
}

export interface Services {
  prisma: Db;
  auth: Auth;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Where the request comes from (for auth events and rate limits). */
  origin: RequestOrigin;
  sessionId: string | null;
  /** Set-Cookie values to add to the HTTP response (e.g. a slid session). */
  responseCookies: string[];
  /** When the request arrived (epoch ms): its database waits end at this plus the request timeout. */
  receivedAt: number;
}

/**
 * The signed-in person, in a resolver whose auth scopes admit only signed-in callers (respondent,
 * coordinator); it is also the actor services record in the audit log.
 */
export function signedIn(context: Pick<Context, 'viewer'>): Viewer {
  if (!context.viewer) throw new Error('signedIn() called in a field open to anonymous callers');
  return context.viewer;
}

export async function createContext(services: Services, request: Request, clientIp: string | null = null, receivedAt = Date.now()): Promise<Context> {
  const resolved = await sessionFromRequest(services.auth, request);
  return {
    receivedAt,
    ...services,
    origin: { ip: clientIp, userAgent: request.headers.get('user-agent') },
    viewer: resolved ? { id: resolved.user.id, email: resolved.user.email, role: resolved.user.role } : null,
    sessionId: resolved?.session.id ?? null,
    responseCookies: resolved?.refreshedCookie ? [resolved.refreshedCookie] : [],
  };
}
