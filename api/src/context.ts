// What every resolver gets: the database, the sessions service and who is calling.
import type { Db } from './db/client.ts';
import type { Role } from './generated/prisma/enums.ts';
import type { RequestOrigin } from './auth/authEvents.ts';
import { sessionFromRequest, type Auth } from './auth/sessions.ts';
import { GraphQLError } from 'graphql';
import { authenticatePortalToken, type Portal, type PortalScope, portalRefusalMessages } from './services/portalTokens.ts';

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
  /**
   * A regional portal authenticated by `Authorization: Bearer <token>` (issue 11), or null. A request
   * with a token has no viewer: cookies are not read, so no CSRF check concerns it.
   */
  portal: Portal | null;
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

/**
 * Whether the caller is a portal holding `scope`, for `regionId` when one is named: the helper every
 * portal field checks ("a portal of region X with scope Y"). A portal's region is always its token's.
 */
export function portalMay(context: Pick<Context, 'portal'>, scope: PortalScope, regionId?: number): boolean {
  const portal = context.portal;
  if (!portal) return false;
  return portal.scopes.includes(scope) && (regionId === undefined || portal.regionId === regionId);
}

/** The portal, in a resolver whose auth scopes admit only portals. */
export function portalOf(context: Pick<Context, 'portal'>): Portal {
  if (!context.portal) throw new Error('portalOf() called in a field open to callers other than portals');
  return context.portal;
}

/** A refused portal token: HTTP 401 with a Russian message, never an anonymous request. */
export function portalRefused(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer realm="nok-portal"' } } },
  });
}

/** The portal named by the request's Authorization header; null without one; throws on a bad one. */
async function portalFromRequest(services: Services, request: Request, clientIp: string | null, now: Date): Promise<Portal | null> {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw portalRefused('Заголовок Authorization: ожидается «Bearer <токен портала>».');
  const result = await authenticatePortalToken(services.prisma, match[1]!, now, clientIp);
  if (!result.ok) throw portalRefused(portalRefusalMessages[result.reason]);
  return result.portal;
}

export async function createContext(services: Services, request: Request, clientIp: string | null = null, receivedAt = Date.now()): Promise<Context> {
  const portal = await portalFromRequest(services, request, clientIp, new Date(receivedAt));
  const resolved = portal ? null : await sessionFromRequest(services.auth, request);
  return {
    receivedAt,
    ...services,
    portal,
    origin: { ip: clientIp, userAgent: request.headers.get('user-agent') },
    viewer: resolved ? { id: resolved.user.id, email: resolved.user.email, role: resolved.user.role } : null,
    sessionId: resolved?.session.id ?? null,
    responseCookies: resolved?.refreshedCookie ? [resolved.refreshedCookie] : [],
  };
}
