// Personal links. Seed 000 makes the link reusable until the questionnaire is sent, so instead of
// shortening its life we harden it: a 256-bit token, stored only hashed, bound to one e-mail and one
// campaign, valid until the campaign closes, revocable, and rotated by every new link issued.
import { domainToASCII, domainToUnicode } from 'node:url';
import type { Tx } from '../db/client.ts';
import { generateSecret, sha256Hex } from './tokens.ts';

/**
 * Creates a new link; returns its token (which only the mail will carry). The person's older links
 * keep working until the mail with this one is accepted: then `rotateLoginLinks` revokes them.
 */
export async function issueLoginLink(tx: Tx, userId: string, campaignId: number): Promise<{ linkId: string; token: string }> {
  const token = generateSecret(32);
  const link = await tx.loginLink.create({ data: { userId, campaignId, tokenSha256: sha256Hex(token) } });
  return { linkId: link.id, token };
}

/**
 * A link was delivered: revokes the person's live links for the campaign that are older than it
 * (by creation, then id, so of any two links exactly one is the older), and ends the sessions that
 * were opened with them. Links made later are left alone: when two mails to one person are sent at
 * once by two workers, whichever finishes last must not revoke the newer link, or both links would
 * die. The newest delivered link always survives.
 *
 * Why the sessions of the older links, and not all the person's sessions: a new link is asked for
 * when the old one is lost, or may have reached someone else (a forwarded or shared mail), so
 * whoever signed in with an old link must not stay signed in on the strength of it. Sessions opened
 * with the new link, or with a newer one than this (the race above), are the person's current ones
 * and stay. A session records its link (Session.loginLinkId); one opened while this runs either
 * commits first (its insert holds the link FOR SHARE, so the UPDATE below waits for it, and the
 * DELETE, a later statement, sees it) or finds the link revoked and is not written.
 */
export async function rotateLoginLinks(tx: Tx, linkId: string, now = new Date()): Promise<{ linksRevoked: number; sessionsEnded: number }> {
  const link = await tx.loginLink.findUniqueOrThrow({ where: { id: linkId } });
  const older = {
    userId: link.userId,
    campaignId: link.campaignId,
    OR: [{ createdAt: { lt: link.createdAt } }, { createdAt: link.createdAt, id: { lt: link.id } }],
  };
  const revoked = await tx.loginLink.updateMany({ where: { ...older, revokedAt: null }, data: { revokedAt: now, revokedReason: 'rotated' } });
  // The sessions of every older link, whether revoked now or before (found by the person's sessions).
  const ended = await tx.session.deleteMany({ where: { userId: link.userId, loginLink: { is: older } } });
  return { linksRevoked: revoked.count, sessionsEnded: ended.count };
}

export type LinkRefusal = 'unknown' | 'revoked' | 'expired' | 'submitted' | 'disabled';

export type LinkCheck =
  | { ok: true; linkId: string; userId: string; campaignId: number; campaignCode: string }
  | { ok: false; reason: LinkRefusal /** For a sent questionnaire: it, for the read-only copy (http/sentCopy.ts). */; sent?: { responseId: number } };

/** Checks a link (read-only: GET shows the result without signing in). */
export async function checkLoginLink(tx: Tx, email: string, token: string, now: Date): Promise<LinkCheck> {
  if (!token || token.length > 200) return { ok: false, reason: 'unknown' };
  const link = await tx.loginLink.findUnique({
    where: { tokenSha256: sha256Hex(token) },
    include: { user: true, campaign: true },
  });
  // Bound to the e-mail: a token presented with another address is unknown.
  if (!link || link.user.email !== normaliseEmail(email)) return { ok: false, reason: 'unknown' };
  if (link.revokedAt) return { ok: false, reason: 'revoked' };
  if (link.user.disabledAt) return { ok: false, reason: 'disabled' };
  if (now >= link.campaign.closesAt || link.campaign.state !== 'PUBLISHED') return { ok: false, reason: 'expired' };
  const response = await tx.response.findUnique({
    where: { campaignId_respondentId: { campaignId: link.campaignId, respondentId: link.userId } },
    select: { id: true, status: true },
  });
  if (response?.status === 'SUBMITTED') return { ok: false, reason: 'submitted', sent: { responseId: response.id } };
  return { ok: true, linkId: link.id, userId: link.userId, campaignId: link.campaignId, campaignCode: link.campaign.code };
}

export async function revokeLoginLinks(tx: Tx, where: { userId: string; campaignId?: number }, reason: string, now = new Date()) {
  return tx.loginLink.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/**
 * The one spelling of an address: trimmed, NFC, lower case, the domain in Unicode (so
 * `иванов@xn--80akhbyknj4f.xn--p1ai` and `иванов@минтруд.рф` are one person).
 */
export function normaliseEmail(email: string): string {
  const text = email.trim().normalize('NFC').toLowerCase();
  const at = text.lastIndexOf('@');
  if (at < 1) return text;
  const domain = domainToUnicode(text.slice(at + 1));
  return domain ? `${text.slice(0, at)}@${domain}` : text;
}

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;

/**
 * Whether a (normalised) address can receive mail: a dot-atom local part, in any script (RFC 6531:
 * `иванов@…`), and a domain that is a valid IDN (`минтруд.рф`) with a top-level domain. How such
 * addresses are sent to: README, «Mail to Cyrillic addresses».
 */
export function isEmailAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > 254) return false;
  const local = email.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const domain = email.slice(at + 1);
  const ascii = domainToASCII(domain);
  if (!ascii || ascii.length > 253 || domain.split('.').some((label) => label.startsWith('-') || label.endsWith('-'))) return false;
  const labels = ascii.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) &&
    /^([a-z]{2,}|xn--[a-z0-9-]+)$/.test(labels[labels.length - 1]!)
  );
}
