// Coordinators: accounts with an argon2id-hashed password, and signing in.
import { hash, verify } from '@node-rs/argon2';
import type { Cookie } from 'lucia';
import type { Db } from '../db/client.ts';
import { logAuthEvent, logRefusal, type RequestOrigin } from '../auth/authEvents.ts';
import { normaliseEmail } from '../auth/loginLinks.ts';
import { pruneAuthRecordsWhenDue } from '../auth/retention.ts';
import { startSession, type Auth } from '../auth/sessions.ts';
import { admitSignInAttempt, attemptSucceeded, defaultSignInThrottle, throttledMessage, type SignInThrottle } from '../auth/signInThrottle.ts';
import { generateSecret } from '../auth/tokens.ts';
import { SignInRefusedError } from './errors.ts';
import { parseEmail } from './registration.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** Creates a coordinator, or resets the password of an existing one; returns the password to hand over. */
export async function createCoordinator(
  prisma: Db,
  input: { email: string; fullName?: string; password?: string },
): Promise<{ email: string; password: string }> {
  const email = parseEmail(input.email);
  const password = input.password ?? generateSecret(15);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const passwordHash = await hash(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role: 'COORDINATOR', fullName: input.fullName ?? null, passwordHash },
      update: { role: 'COORDINATOR', passwordHash, disabledAt: null, ...(input.fullName ? { fullName: input.fullName } : {}) },
    });
    // A new password ends every session of the old one.
    await tx.session.deleteMany({ where: { userId: user.id } });
  });
  return { email, password };
}

// Verified when the address is unknown, so the answer takes as long either way.
const decoyHash = hash(generateSecret(16));

/**
 * A coordinator's sign-in, throttled per account and network with growing waits (signInThrottle.ts):
 * failures from one network never refuse the right password from another.
 */
export async function signInCoordinator(
  prisma: Db,
  auth: Auth,
  input: { email: string; password: string; origin: RequestOrigin },
  throttle: SignInThrottle = defaultSignInThrottle,
): Promise<Cookie> {
  await pruneAuthRecordsWhenDue(prisma);
  const email = normaliseEmail(input.email).slice(0, 254);
  const admission = await admitSignInAttempt(prisma, email, input.origin.ip, throttle);
  if (!admission.admitted) {
    await logRefusal(prisma, 'rate_limited', input.origin, { email, detail: 'coordinator sign-in' });
    throw new SignInRefusedError(throttledMessage(admission.retryAfterMs));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  let valid = false;
  if (user?.passwordHash) valid = await verify(user.passwordHash, input.password);
  else await verify(await decoyHash, input.password);
  if (!user || !valid || user.role !== 'COORDINATOR' || user.disabledAt) {
    // The attempt stays counted as a failure. One row per failure: they are few, being throttled.
    await logAuthEvent(prisma, 'login_refused', input.origin, { email, detail: 'coordinator password' });
    throw new SignInRefusedError('Неверный адрес электронной почты или пароль.');
  }
  await attemptSucceeded(prisma, admission);
  const { cookie } = await startSession(auth, user.id);
  await logAuthEvent(prisma, 'login', input.origin, { email, userId: user.id, detail: 'coordinator' });
  return cookie;
}
