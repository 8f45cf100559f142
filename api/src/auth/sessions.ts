// Sessions (lucia v3) for respondents and coordinators. The cookie carries a 200-bit session id;
// the database keeps only its SHA-256 (see sessionAdapter.ts). Sessions last 30 days and slide:
// a session used after half its life is extended.
import { Lucia, TimeSpan, type Cookie, type Session, type User } from 'lucia';
import type { Db } from '../db/client.ts';
import { HashedSessionAdapter, type SessionAttributes, type UserAttributes } from './sessionAdapter.ts';

export const SESSION_LIFETIME = new TimeSpan(30, 'd');

export interface SessionConfig {
  /** Behind https: the cookie is Secure and gets the __Host- prefix. */
  secureCookies: boolean;
}

export function createLucia(prisma: Db, config: SessionConfig) {
  return new Lucia(new HashedSessionAdapter(prisma), {
    sessionExpiresIn: SESSION_LIFETIME,
    sessionCookie: {
      name: config.secureCookies ? '__Host-nok_session' : 'nok_session',
      attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, role: attributes.role, fullName: attributes.fullName }),
  });
}

export type Auth = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

/**
 * Starts a new session for a user (after the user proved who they are); returns the cookie to set.
 * A session opened with a personal link names it, and ends when a newer link revokes it (a revoked
 * link opens none: LinkRevokedError).
 */
export async function startSession(auth: Auth, userId: string, attributes: SessionAttributes = {}): Promise<{ session: Session; cookie: Cookie }> {
  const session = await auth.createSession(userId, attributes);
  return { session, cookie: auth.createSessionCookie(session.id) };
}

export interface ResolvedSession {
  session: Session;
  user: User;
  /** A Set-Cookie value to send back when the session was extended, else null. */
  refreshedCookie: string | null;
}

/** Resolves the session named by the request's cookie; null when there is none or it is invalid. */
export async function sessionFromRequest(auth: Auth, request: Request): Promise<ResolvedSession | null> {
  const sessionId = auth.readSessionCookie(request.headers.get('cookie') ?? '');
  if (!sessionId) return null;
  const { session, user } = await auth.validateSession(sessionId);
  if (!session) return null;
  return { session, user, refreshedCookie: session.fresh ? auth.createSessionCookie(session.id).serialize() : null };
}
