// «Я не робот»: a self-hosted ALTCHA proof-of-work. The browser widget fetches a signed challenge
// from /altcha/challenge and solves it; the server verifies the solution locally (no call outside),
// refuses expired ones, and remembers used ones until they expire so a replayed solution fails.
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Db, Tx } from '../db/client.ts';
import { appSecret } from './secrets.ts';
import { sha256Hex } from './tokens.ts';

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
 */
export async function verifyCaptcha(prisma: Db, tx: Tx, payload: string | null | undefined): Promise<CaptchaOutcome> {
  if (!payload) return 'missing';
  let decoded: { challenge?: Challenge; solution?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (!decoded?.challenge || !decoded.solution) return 'malformed';
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution as never, deriveKey, ...(await secrets(prisma)) });
  } catch {
    return 'malformed';
  }
  if (result.expired) return 'expired';
  if (!result.verified) return 'invalid';
  const id = sha256Hex(JSON.stringify(decoded.challenge));
  const now = new Date();
  await tx.usedChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const inserted = await tx.usedChallenge.createMany({
    data: [{ id, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) }],
    skipDuplicates: true,
  });
  return inserted.count === 1 ? 'ok' : 'replayed';
}
