// What every resolver gets: the database, the sessions service and who is calling.
import type { Db } from './db/client.ts';
import type { Role } from './generated/prisma/enums.ts';
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
  sessionId: string | null;
  /** Set-Cookie values to add to the HTTP response (e.g. a slid session). */
  responseCookies: string[];
}

export async function createContext(services: Services, request: Request): Promise<Context> {
  const resolved = await sessionFromRequest(services.auth, request);
  return {
    ...services,
    viewer: resolved ? { id: resolved.user.id, email: resolved.user.email, role: resolved.user.role } : null,
    sessionId: resolved?.session.id ?? null,
    responseCookies: resolved?.refreshedCookie ? [resolved.refreshedCookie] : [],
  };
}
