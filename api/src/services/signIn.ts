// Signing in with a personal link (POST only: a GET of the link just shows «Войти», so mail
// scanners that follow links sign nobody in) and signing out.
import type { Cookie } from 'lucia';
import { databaseNow, type Db } from '../db/client.ts';
import { logAuthEvent, logRefusal, type RequestOrigin } from '../auth/authEvents.ts';
import { checkLoginLink, type LinkRefusal } from '../auth/loginLinks.ts';
import { pruneAuthRecordsWhenDue } from '../auth/retention.ts';
import { LinkRevokedError } from '../auth/sessionAdapter.ts';
import { startSession, type Auth } from '../auth/sessions.ts';

export const linkRefusalMessages: Record<LinkRefusal, string> = {
  unknown: 'Ссылка недействительна. Возможно, она скопирована не полностью. Запросите новую ссылку.',
  revoked: 'Эта ссылка больше не действует: после неё была отправлена более новая. Воспользуйтесь последним письмом или запросите ссылку снова.',
  expired: 'Срок проведения опроса завершён: вход по ссылке больше недоступен.',
  submitted: 'Анкета уже отправлена. Благодарим за участие в опросе!',
  disabled: 'Вход по этой ссылке отключён. Обратитесь в службу поддержки.',
};

export type LinkStatus = { ok: true } | { ok: false; reason: LinkRefusal; message: string };

/** What the link would do, without doing it (for the GET page). */
export async function inspectLink(prisma: Db, email: string, token: string): Promise<LinkStatus> {
  const check = await prisma.$transaction(async (tx) => {
    return checkLoginLink(tx, email, token, await databaseNow(tx));
  });
  return check.ok ? { ok: true } : { ok: false, reason: check.reason, message: linkRefusalMessages[check.reason] };
}

export type SignInResult = { ok: true; cookie: Cookie; campaignCode: string } | { ok: false; reason: LinkRefusal; message: string };

export async function signInWithLink(prisma: Db, auth: Auth, input: { email: string; token: string; origin: RequestOrigin }): Promise<SignInResult> {
  await pruneAuthRecordsWhenDue(prisma);
  const check = await prisma.$transaction(async (tx) => {
    const now = await databaseNow(tx);
    const result = await checkLoginLink(tx, input.email, input.token, now);
    if (result.ok) await tx.loginLink.update({ where: { id: result.linkId }, data: { lastUsedAt: now } });
    return result;
  });
  const refuse = async (reason: LinkRefusal): Promise<SignInResult> => {
    await logRefusal(prisma, 'login_refused', input.origin, { email: input.email.slice(0, 254), detail: reason });
    return { ok: false, reason, message: linkRefusalMessages[reason] };
  };
  if (!check.ok) return refuse(check.reason);
  // A new session at every sign-in (no fixation); the cookie carries its secret. The session names
  // its link, so a newer link delivered later ends it (rotateLoginLinks).
  let cookie: Cookie;
  try {
    ({ cookie } = await startSession(auth, check.userId, { loginLinkId: check.linkId }));
  } catch (error) {
    if (error instanceof LinkRevokedError) return refuse('revoked');
    throw error;
  }
  await logAuthEvent(prisma, 'login', input.origin, { email: input.email, userId: check.userId });
  return { ok: true, cookie, campaignCode: check.campaignCode };
}

export async function signOut(prisma: Db, auth: Auth, sessionId: string, userId: string, origin: RequestOrigin): Promise<Cookie> {
  await auth.invalidateSession(sessionId);
  await logAuthEvent(prisma, 'logout', origin, { userId });
  return auth.createBlankSessionCookie();
}
