// Coordinators: accounts with an argon2id-hashed password, and signing in.
import { hash, verify } from '@node-rs/argon2';
import type { Cookie } from 'lucia';
import type { Db } from '../db/client.ts';
import { logAuthEvent, type RequestOrigin } from '../auth/authEvents.ts';
import { normaliseEmail } from '../auth/loginLinks.ts';
import { hitRateLimits } from '../auth/rateLimit.ts';
import { startSession, type Auth } from '../auth/sessions.ts';
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

export async function signInCoordinator(prisma: Db, auth: Auth, input: { email: string; password: string; origin: RequestOrigin }): Promise<Cookie> {
  const email = normaliseEmail(input.email).slice(0, 254);
  const limited = await prisma.$transaction((tx) =>
    hitRateLimits(tx, [
      { key: `signin:${email}`, max: 10, windowMs: 15 * 60 * 1000 },
      ...(input.origin.ip ? [{ key: `signin-ip:${input.origin.ip}`, max: 50, windowMs: 15 * 60 * 1000 }] : []),
    ]),
  );
  if (limited) {
    await logAuthEvent(prisma, 'rate_limited', input.origin, { email, detail: 'coordinator sign-in' });
    throw new SignInRefusedError('Слишком много попыток входа. Повторите через 15 минут.');
  }
  const user = await prisma.user.findUnique({ where: { email } });
  let valid = false;
  if (user?.passwordHash) valid = await verify(user.passwordHash, input.password);
  else await verify(await decoyHash, input.password);
  if (!user || !valid || user.role !== 'COORDINATOR' || user.disabledAt) {
    await logAuthEvent(prisma, 'login_refused', input.origin, { email, detail: 'coordinator password' });
    throw new SignInRefusedError('Неверный адрес электронной почты или пароль.');
  }
  const { cookie } = await startSession(auth, user.id);
  await logAuthEvent(prisma, 'login', input.origin, { email, userId: user.id, detail: 'coordinator' });
  return cookie;
}
