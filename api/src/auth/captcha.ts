// «Я не робот»: a self-hosted ALTCHA proof-of-work. The browser widget fetches a signed challenge
// from /altcha/challenge and solves it; the server verifies the solution locally (no call outside),
// refuses expired ones, and remembers used ones (by their signature) until they expire so a
// replayed solution fails, however it is re-encoded.
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Db, Tx } from '../db/client.ts';
import { appSecret } from './secrets.ts';

export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

export interface CaptchaConfig {
  /** PBKDF2 iterations per attempt; the work grows with it (lower only in tests). */
  cost: number;
  /** The secret counter is drawn from [counterMin, counterMax]: the attempts a browser makes. */
  counterMin: number;
  counterMax: number;
}

// About 3 million PBKDF2 iterations on average: ~1.5 s on one thread of an office PC, less with the
// widget's workers (measured: the library's suggested 5000 × 5000–10000 took 19 s in Node here).
export const defaultCaptchaConfig: CaptchaConfig = { cost: 2_000, counterMin: 1_000, counterMax: 2_000 };

/** ALTCHA_COST and ALTCHA_COUNTER ("min-max") tune the work; defaults cost a browser about a second. */
export function captchaConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CaptchaConfig {
  const cost = Number(env.ALTCHA_COST ?? defaultCaptchaConfig.cost);
  const [min, max] = (env.ALTCHA_COUNTER ?? `${defaultCaptchaConfig.counterMin}-${defaultCaptchaConfig.counterMax}`).split('-').map(Number);
  if (!Number.isInteger(cost) || cost < 1 || !Number.isInteger(min) || !Number.isInteger(max) || min! < 1 || max! < min!) {
    throw new Error('ALTCHA_COST must be a positive integer and ALTCHA_COUNTER "min-max" with 1 <= min <= max');
  }
  return { cost, counterMin: min!, counterMax: max! };
}

async function secrets(prisma: Db) {
  return {
    hmacSignatureSecret: await appSecret(prisma, 'altcha_signature'),
    hmacKeySignatureSecret: await appSecret(prisma, 'altcha_key_signature'),
  };
}

export async function newChallenge(prisma: Db, config: CaptchaConfig = defaultCaptchaConfig): Promise<Challenge> {
  return createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: config.cost,
    counter: randomInt(config.counterMin, config.counterMax),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS),
    ...(await secrets(prisma)),
  });
}

export type CaptchaOutcome = 'ok' | 'missing' | 'malformed' | 'invalid' | 'expired' | 'replayed';

/**
 * Verifies the widget's payload (Base64 JSON of { challenge, solution }) and marks it used inside
 * the caller's transaction, so a refused registration does not burn it and a replay fails.
 *
 * A challenge is remembered by what the server signed, not by what the client sent: the JSON the
 * client sends can be re-encoded endlessly (another key order, an extra key, other whitespace) while
 * the signature still verifies, since the library signs the canonical JSON of the parameters. The
 * signature is the HMAC of those parameters and must equal the one computed (lower-case hex,
 * compared exactly), so every encoding of one issued challenge that verifies carries the same
 * signature string: it is the key. The row is claimed by INSERT … ON CONFLICT DO NOTHING and the
 * row count says whether this request was first; a concurrent request with the same challenge waits
 * on the uncommitted row and then gets 0 (or 1 if the first one rolled back).
 */
export async function verifyCaptcha(prisma: Db, tx: Tx, payload: string | null | undefined): Promise<CaptchaOutcome> {
  if (!payload) return 'missing';
  let decoded: { challenge?: Challenge; solution?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (!decoded || typeof decoded !== 'object' || !decoded.challenge || typeof decoded.challenge !== 'object' || !decoded.solution) return 'malformed';
  const { signature, parameters } = decoded.challenge;
  // Every challenge this server issues is signed and expires; anything else is not one of ours.
  if (typeof signature !== 'string' || !parameters || typeof parameters !== 'object' || typeof parameters.expiresAt !== 'number') return 'malformed';
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution as never, deriveKey, ...(await secrets(prisma)) });
  } catch {
    return 'malformed';
  }
  if (result.expired) return 'expired';
  if (!result.verified) return 'invalid';
  return (await claimChallenge(tx, signature, new Date(parameters.expiresAt * 1000))) ? 'ok' : 'replayed';
}

/**
 * Marks a verified challenge used; false when it already was. Kept until its own expiry plus a
 * lifetime's margin (for processes whose clocks differ), then `pruneAuthRecords` removes it.
 */
export async function claimChallenge(tx: Tx, signature: string, expiresAt: Date): Promise<boolean> {
  const keepUntil = new Date(expiresAt.getTime() + CHALLENGE_LIFETIME_MS);
  const inserted = await tx.$executeRaw`
    INSERT INTO "UsedChallenge" (id, "expiresAt") VALUES (${`sig:${signature}`}, ${keepUntil})
    ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}
