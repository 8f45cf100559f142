// Throttling coordinators' password sign-in without letting anyone lock the owner out.
//
// Only failures count, and they count per (account, network) and per network (the IPv4 address or
// the IPv6 /64, see networkOf). Past a number of free failures, each further attempt must wait a
// delay after the last failure that doubles with every failure, up to a cap; during the wait the
// attempt is refused without the password being checked (so it reveals nothing, whether right or
// wrong). A right password resets its (account, network) count. There is deliberately no ceiling per
// account across networks: any such ceiling that refuses would let anyone who knows the address
// lock the owner out from everywhere, which is what this replaces (10 failures from anywhere used to
// refuse even the right password for 15 minutes). Failures from one network therefore never stop
// the right password from another; an attacker guessing from many networks is slowed per network.
//
// Failures are rows of RateLimitHit (keys "signin-fail:<email>|<network>" and
// "signin-fail-net:<network>"), kept RATE_LIMIT_RETENTION_MS. An attempt is recorded as a failure
// before its password is checked, under a transaction-level advisory lock on its keys, and the row
// is removed again if the password was right: parallel attempts thus see each other and cannot
// outrun the count.
import type { Db, Tx } from '../db/client.ts';
import { countOf } from '../i18n/plural.ts';
import { networkOf } from './authEvents.ts';

export interface ThrottleRule {
  /** Failures allowed within `windowMs` before attempts must wait. */
  free: number;
  windowMs: number;
  /** The wait after the first failure past `free`; doubled after each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface SignInThrottle {
  /** One account from one network. */
  perAccountAndNetwork: ThrottleRule;
  /** One network, whatever the accounts tried (guessing across accounts). */
  perNetwork: ThrottleRule;
}

const MINUTE = 60 * 1000;

export const defaultSignInThrottle: SignInThrottle = {
  perAccountAndNetwork: { free: 5, windowMs: 24 * 60 * MINUTE, baseDelayMs: 30 * 1000, maxDelayMs: 15 * MINUTE },
  perNetwork: { free: 20, windowMs: 60 * MINUTE, baseDelayMs: 30 * 1000, maxDelayMs: 15 * MINUTE },
};

/** The wait after the last of `failures` failures under a rule (0 while they are within the free ones). */
export function throttleDelayMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(failures - rule.free, 30));
}

/** Distinguishes these advisory locks from the others of the application (two-key form). */
const LOCK_CLASS = 0x51671;

export type Admission = { admitted: true; failureIds: number[]; pairKey: string } | { admitted: false; retryAfterMs: number };

/**
 * Admits an attempt, recording it as a failure until `attemptSucceeded` says otherwise, or refuses
 * it with the time left to wait.
 */
export async function admitSignInAttempt(
  prisma: Db,
  email: string,
  ip: string | null,
  rules: SignInThrottle = defaultSignInThrottle,
): Promise<Admission> {
  const network = networkOf(ip);
  const pairKey = `signin-fail:${email}|${network}`;
  const networkKey = `signin-fail-net:${network}`;
  return prisma.$transaction(async (tx) => {
    // The pair's lock first, then the network's: always in this order, so two attempts cannot deadlock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${pairKey}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${networkKey}))`;
    const [clock] = await tx.$queryRaw<{ now: number }[]>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`;
    const now = new Date(clock!.now);
    const waits = [await waitLeft(tx, pairKey, rules.perAccountAndNetwork, now), await waitLeft(tx, networkKey, rules.perNetwork, now)];
    const retryAfterMs = Math.max(...waits);
    if (retryAfterMs > 0) return { admitted: false, retryAfterMs };
    const failureIds: number[] = [];
    for (const key of [pairKey, networkKey]) failureIds.push((await tx.rateLimitHit.create({ data: { key, at: now }, select: { id: true } })).id);
    return { admitted: true, failureIds, pairKey };
  });
}

async function waitLeft(tx: Tx, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const since = new Date(now.getTime() - rule.windowMs);
  // The columns hold UTC without a zone: the epoch of such a value is taken as UTC, whatever the session's zone.
  const [row] = await tx.$queryRaw<{ failures: number; last: number | null }[]>`
    SELECT count(*)::int AS failures, (extract(epoch FROM max(at)) * 1000)::float8 AS last
    FROM "RateLimitHit" WHERE key = ${key} AND at > ${since}`;
  if (!row || row.last === null) return 0;
  return Math.max(0, row.last + throttleDelayMs(rule, row.failures) - now.getTime());
}

/** The password was right: this attempt was no failure, and the account's count from this network starts again. */
export async function attemptSucceeded(prisma: Db, admission: Extract<Admission, { admitted: true }>): Promise<void> {
  await prisma.rateLimitHit.deleteMany({ where: { OR: [{ id: { in: admission.failureIds } }, { key: admission.pairKey }] } });
}

/** «Слишком много…» with the wait in whole seconds or minutes, rounded up. */
export function throttledMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 60 ? countOf(seconds, ['секунду', 'секунды', 'секунд']) : countOf(Math.ceil(seconds / 60), ['минуту', 'минуты', 'минут']);
  return `Слишком много неудачных попыток входа: пароль несколько раз введён неверно. Повторите попытку через ${wait}.`;
}
