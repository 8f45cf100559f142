// The audit trail of authentication: who, what, when, from where. Events of people who proved who
// they are (registered, link sent, login, logout) are one row each. Refusals of anonymous requests
// are aggregated: one row per kind, network and minute with a count, so a flood of bad requests
// writes a few rows a minute instead of one per request (it wrote ~190 rows/s). Rows are kept
// AUTH_EVENT_RETENTION_MS (retention.ts).
import { randomUUID } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Db, Tx } from '../db/client.ts';
import { storableCut } from '../storableText.ts';

export type AuthEventKind =
  | 'registered'
  | 'registration_refused'
  | 'link_requested'
  | 'link_request_refused'
  | 'link_sent'
  | 'login'
  | 'login_refused'
  | 'logout'
  /** The read-only copy of a sent questionnaire opened with its personal link (no session). */
  | 'sent_copy_viewed'
  | 'rate_limited'
  | 'captcha_failed';

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** What a log keeps of a text it is sent: cut, and storable (a refused request logs what it brought). */
const cut = (text: string | null | undefined, max: number) => (text == null ? null : storableCut(text, max));

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
      userAgent: cut(origin.userAgent, 500),
      email: cut(details.email, 254),
      userId: details.userId ?? null,
      detail: cut(details.detail, 1000),
    },
  });
}

/** The kinds an anonymous request can cause by being refused; logged aggregated (`logRefusal`). */
export type RefusalKind = Extract<
  AuthEventKind,
  'registration_refused' | 'link_request_refused' | 'login_refused' | 'rate_limited' | 'captcha_failed'
>;

/**
 * Where requests come from, for aggregation: the IPv4 address, or the /64 of an IPv6 address (one
 * subscriber's block: one machine can take any address in it). IPv4-mapped IPv6 counts as IPv4.
 */
export function networkOf(ip: string | null): string {
  if (!ip) return '-';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Logs a refusal of an anonymous request: the first of its kind from a network in a minute is a row
 * (with that request's e-mail, detail and user agent); later ones in the same minute add to its
 * `count` and move its `lastAt`. One statement (INSERT … ON CONFLICT on the bucket), so concurrent
 * refusals neither lose counts nor make a second row.
 */
export async function logRefusal(
  db: Db | Tx,
  kind: RefusalKind,
  origin: RequestOrigin,
  details: { email?: string | null; detail?: string | null } = {},
  now = new Date(),
): Promise<void> {
  const minute = now.toISOString().slice(0, 16);
  const bucket = `${kind}|${networkOf(origin.ip)}|${minute}`;
  await db.$executeRaw`
    INSERT INTO "AuthEvent" (id, at, kind, ip, "userAgent", email, detail, count, "lastAt", bucket)
    VALUES (${randomUUID()}, ${now}, ${kind}, ${origin.ip}, ${cut(origin.userAgent, 500)},
            ${cut(details.email, 254)}, ${cut(details.detail, 1000)}, 1, ${now}, ${bucket})
    ON CONFLICT (bucket) DO UPDATE SET count = "AuthEvent".count + 1, "lastAt" = EXCLUDED."lastAt"`;
}
