// Consent to the processing of personal data (152-FZ art. 9): the exact text shown is versioned;
// each consent records the version, the SHA-256 of that text, purposes, time, IP and user agent.
import type { Tx } from '../db/client.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { RequestOrigin } from '../auth/authEvents.ts';

export const CURRENT_CONSENT = {
  version: '2021-11',
  text: 'Я согласен на обработку персональных данных в соответствии с Федеральным законом от 27.07.2006 года №152-ФЗ «О персональных данных».',
  purposes: ['Регистрация в системе мониторинга и вход по персональной ссылке', 'Заполнение анкеты мониторинга и связь по вопросам её заполнения'],
} as const;

export async function ensureConsentText(tx: Tx): Promise<{ version: string; sha256: string }> {
  const sha256 = sha256Hex(CURRENT_CONSENT.text);
  const existing = await tx.consentText.findUnique({ where: { version: CURRENT_CONSENT.version } });
  if (existing && existing.sha256 !== sha256) {
    // Editing a published text in place would falsify the consents already given.
    throw new Error(`Consent text ${CURRENT_CONSENT.version} was edited: give the new text a new version.`);
  }
  if (!existing) {
    await tx.consentText.create({
      data: { version: CURRENT_CONSENT.version, text: CURRENT_CONSENT.text, sha256, purposes: [...CURRENT_CONSENT.purposes] },
    });
  }
  return { version: CURRENT_CONSENT.version, sha256 };
}

export async function recordConsent(tx: Tx, userId: string, email: string, origin: RequestOrigin): Promise<void> {
  const text = await ensureConsentText(tx);
  await tx.consent.create({
    data: {
      userId,
      email,
      textVersion: text.version,
      textSha256: text.sha256,
      purposes: [...CURRENT_CONSENT.purposes],
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    },
  });
}
