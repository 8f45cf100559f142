// The audit trail of authentication: who, what, when, from where.
import type { Db, Tx } from '../db/client.ts';

export type AuthEventKind =
  | 'registered'
  | 'registration_refused'
  | 'link_requested'
  | 'link_request_refused'
  | 'link_sent'
  | 'login'
  | 'login_refused'
  | 'logout'
  | 'rate_limited'
  | 'captcha_failed';

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export async function logAuthEvent(
  db: Db | Tx,
  kind: AuthEventKind,
  origin: RequestOrigin,
  details: { email?: string | null; userId?: string | null; detail?: string | null } = {},
): Promise<void> {
  await db.authEvent.create({
    data: {
      kind,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
      email: details.email ?? null,
      userId: details.userId ?? null,
      detail: details.detail?.slice(0, 1000) ?? null,
    },
  });
}
