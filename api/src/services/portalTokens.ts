// Regional portals' API tokens (issue 11): issued for one region with a few scopes and an expiry,
// shown once and stored only as the SHA-256 of the secret (auth/tokens.ts), rotated with an overlap
// (the previous secret keeps working until a set time), revoked at once. Every issue, rotation and
// revocation writes its audit record in the same transaction.
import type { Db } from '../db/client.ts';
import { generateSecret, sha256Hex } from '../auth/tokens.ts';
import { recordAudit, type Actor } from './audit.ts';

/** What a token may read, with what the coordinator is told when issuing it. The one list of scopes. */
export const portalScopes = {
  status: 'Ход мониторинга своего региона: сроки, число респондентов, заполнение по разделам и органам власти, сдавшие органы',
  answers: 'Поданные ответы и меры своего региона',
  personal: 'Персональные данные должностных лиц своего региона (ФИО, e-mail, должности)',
  report: 'Опубликованная аналитика и отчёты',
  tasks: 'Протоколы своего региона: пункты, исполнители, сроки, статусы и отчёты об исполнении',
  taskReports: 'Отчёты об исполнении пунктов протоколов своего региона и их статусы (запись через API)',
} as const;
export type PortalScope = keyof typeof portalScopes;
export const PORTAL_SCOPES = Object.keys(portalScopes) as PortalScope[];
export const DEFAULT_PORTAL_SCOPES: PortalScope[] = ['status'];

/** A token's life when the coordinator names no expiry, and a rotation's overlap when none is named. */
export const DEFAULT_TOKEN_DAYS = 365;
export const DEFAULT_OVERLAP_HOURS = 24;
/** The longest overlap a rotation may give the old secret. */
export const MAX_OVERLAP_HOURS = 24 * 30;
/** The last use is written at most this often per token. */
export const LAST_USE_INTERVAL_MS = 60_000;

/** Secrets start with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const PORTAL_TOKEN_PREFIX = 'nokp_';

export class PortalTokenInputError extends Error {
  override name = 'PortalTokenInputError';
  /** The input the refusal is about (e.g. `scopes`), for the GraphQL layer's field errors. */
  constructor(
    message: string,
    readonly field: string = 'input',
  ) {
    super(message);
  }
}

/** A token as listed: never its secret nor its hash. */
export interface PortalTokenInfo {
  id: number;
  name: string;
  regionId: number;
  regionCode: string;
  regionName: string;
  scopes: PortalScope[];
  expiresAt: Date;
  createdAt: Date;
  createdBy: string;
  rotatedAt: Date | null;
  previousValidUntil: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  /** Persisted operations: the SHA-256 of each operation it may run (empty: any read). */
  allowedOperations: string[];
}

const infoSelect = {
  id: true,
  name: true,
  regionId: true,
  scopes: true,
  expiresAt: true,
  createdAt: true,
  createdBy: true,
  rotatedAt: true,
  previousValidUntil: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedFrom: true,
  allowedOperations: true,
  region: { select: { code: true, name: true } },
} as const;

type InfoRow = Omit<PortalTokenInfo, 'regionCode' | 'regionName' | 'scopes'> & { scopes: string[]; region: { code: string; name: string } };
const info = ({ region, ...row }: InfoRow): PortalTokenInfo => ({
  ...row,
  scopes: row.scopes as PortalScope[],
  regionCode: region.code,
  regionName: region.name,
});

/** What the audit log keeps of a token (no secret, no hash). */
const audited = (token: PortalTokenInfo) => ({
  name: token.name,
  region: token.regionCode,
  scopes: token.scopes,
  expiresAt: token.expiresAt,
  revokedAt: token.revokedAt,
  previousValidUntil: token.previousValidUntil,
});

export function parseScopes(scopes: readonly string[] | undefined): PortalScope[] {
  if (scopes === undefined) return [...DEFAULT_PORTAL_SCOPES];
  const unique = [...new Set(scopes.map((scope) => scope.trim()).filter(Boolean))];
  const unknown = unique.filter((scope) => !(scope in portalScopes));
  if (unknown.length) throw new PortalTokenInputError(`Неизвестные права: ${unknown.join(', ')}. Возможны: ${PORTAL_SCOPES.join(', ')}.`, 'scopes');
  if (!unique.length) throw new PortalTokenInputError(`Укажите хотя бы одно право: ${PORTAL_SCOPES.join(', ')}.`, 'scopes');
  return unique as PortalScope[];
}

const newSecret = () => {
  const secret = `${PORTAL_TOKEN_PREFIX}${generateSecret(32)}`;
  return { secret, hash: sha256Hex(secret) };
};

export interface IssueInput {
  regionCode: string;
  name: string;
  scopes?: readonly string[];
  expiresAt?: Date;
}

/** Issues a token; the secret is in the answer and nowhere else. */
export async function issuePortalToken(
  prisma: Db,
  actor: Actor,
  input: IssueInput,
  now = new Date(),
): Promise<{ token: PortalTokenInfo; secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new PortalTokenInputError('Название токена: от 1 до 200 символов.', 'name');
  const scopes = parseScopes(input.scopes);
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + DEFAULT_TOKEN_DAYS * 86_400_000);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now)
    throw new PortalTokenInputError('Срок действия токена должен быть в будущем.', 'expiresAt');
  const region = await prisma.region.findUnique({ where: { code: input.regionCode.trim().toUpperCase() } });
  if (!region) throw new PortalTokenInputError(`Регион ${input.regionCode} не найден (нужен код ISO 3166-2, например RU-KB).`, 'regionCode');
  const { secret, hash } = newSecret();
  const token = await prisma.$transaction(async (tx) => {
    const created = info(
      await tx.portalToken.create({
        data: { name, regionId: region.id, scopes, secretSha256: hash, expiresAt, createdAt: now, createdBy: actor.email },
        select: infoSelect,
      }),
    );
    await recordAudit(tx, actor, { action: 'portalToken.issue', subjectType: 'PortalToken', subjectId: created.id, after: audited(created) });
    return created;
  });
  return { token, secret };
}

async function liveToken(prisma: Db, id: number, now: Date) {
  const token =
    Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? await prisma.portalToken.findUnique({ where: { id }, select: infoSelect }) : null;
  if (!token) throw new PortalTokenInputError(`Токен ${id} не найден.`, 'id');
  if (token.revokedAt && token.revokedAt <= now) throw new PortalTokenInputError(`Токен ${id} уже отозван.`, 'id');
  return info(token);
}

/**
 * Rotates a token: a new secret from now on; the old one keeps working for `overlapHours` (default
 * 24; 0 ends it at once). The token keeps its id, name, region, scopes and expiry.
 */
export async function rotatePortalToken(
  prisma: Db,
  actor: Actor,
  id: number,
  options: { overlapHours?: number } = {},
  now = new Date(),
): Promise<{ token: PortalTokenInfo; secret: string }> {
  const overlapHours = options.overlapHours ?? DEFAULT_OVERLAP_HOURS;
  if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
    throw new PortalTokenInputError(`Перекрытие: от 0 до ${MAX_OVERLAP_HOURS} часов.`, 'overlapHours');
  }
  const before = await liveToken(prisma, id, now);
  if (before.expiresAt <= now) throw new PortalTokenInputError(`Срок действия токена ${id} истёк: выпустите новый.`, 'id');
  const { secret, hash } = newSecret();
  const previousValidUntil = new Date(Math.min(now.getTime() + overlapHours * 3_600_000, before.expiresAt.getTime()));
  const token = await prisma.$transaction(async (tx) => {
    const current = await tx.portalToken.findUniqueOrThrow({ where: { id }, select: { secretSha256: true } });
    const rotated = info(
      await tx.portalToken.update({
        where: { id },
        data: { secretSha256: hash, previousSecretSha256: current.secretSha256, previousValidUntil, rotatedAt: now },
        select: infoSelect,
      }),
    );
    await recordAudit(tx, actor, {
      action: 'portalToken.rotate',
      subjectType: 'PortalToken',
      subjectId: id,
      before: audited(before),
      after: audited(rotated),
    });
    return rotated;
  });
  return { token, secret };
}

/** Revokes a token at once: its current and previous secrets stop working. */
export async function revokePortalToken(prisma: Db, actor: Actor, id: number, now = new Date()): Promise<PortalTokenInfo> {
  const before = await liveToken(prisma, id, now);
  return prisma.$transaction(async (tx) => {
    const revoked = info(await tx.portalToken.update({ where: { id }, data: { revokedAt: now }, select: infoSelect }));
    await recordAudit(tx, actor, {
      action: 'portalToken.revoke',
      subjectType: 'PortalToken',
      subjectId: id,
      before: audited(before),
      after: audited(revoked),
    });
    return revoked;
  });
}

/** Every token, newest first (revoked and expired ones too). */
export async function listPortalTokens(prisma: Db): Promise<PortalTokenInfo[]> {
  return (await prisma.portalToken.findMany({ orderBy: { id: 'desc' }, select: infoSelect })).map(info);
}

/** A token's state at `now`: revoked, expired, working with its old secret still accepted (rotating), or active. */
export type PortalTokenState = 'ACTIVE' | 'ROTATING' | 'EXPIRED' | 'REVOKED';
export function portalTokenState(token: Pick<PortalTokenInfo, 'revokedAt' | 'expiresAt' | 'previousValidUntil'>, now: Date): PortalTokenState {
  if (token.revokedAt && token.revokedAt <= now) return 'REVOKED';
  if (token.expiresAt <= now) return 'EXPIRED';
  if (token.previousValidUntil && token.previousValidUntil > now) return 'ROTATING';
  return 'ACTIVE';
}

/** The console's list: a bounded page (newest first, or by `orderBy`), narrowed by region and ids. */
export interface PortalTokenFilter {
  regionId?: number | null;
  ids?: number[] | null;
}
const tokenWhere = (filter: PortalTokenFilter | null | undefined) => ({
  ...(filter?.regionId ? { regionId: filter.regionId } : {}),
  ...(filter?.ids ? { id: { in: filter.ids } } : {}),
});
export async function pagePortalTokens(
  prisma: Db,
  filter: PortalTokenFilter | null | undefined,
  page: { skip: number; take: number },
  orderBy: object[] = [{ id: 'desc' }],
): Promise<PortalTokenInfo[]> {
  return (await prisma.portalToken.findMany({ where: tokenWhere(filter), orderBy, skip: page.skip, take: page.take, select: infoSelect })).map(info);
}
export async function countPortalTokens(prisma: Db, filter: PortalTokenFilter | null | undefined): Promise<number> {
  return prisma.portalToken.count({ where: tokenWhere(filter) });
}
export async function portalTokenById(prisma: Db, id: number): Promise<PortalTokenInfo | null> {
  const token = await prisma.portalToken.findUnique({ where: { id }, select: infoSelect });
  return token ? info(token) : null;
}

/** A caller authenticated by a token: what the request context holds. */
export interface Portal {
  tokenId: number;
  regionId: number;
  regionCode: string;
  scopes: PortalScope[];
  /** Persisted operations (services/portalOperations.ts): the hashes it may run; absent = any read. */
  allowedOperations?: string[];
}

export type PortalRefusal = 'unknown' | 'revoked' | 'expired';
export type PortalAuthentication = { ok: true; portal: Portal } | { ok: false; reason: PortalRefusal };

/** The refusals as callers read them (HTTP 401, UNAUTHENTICATED). */
export const portalRefusalMessages: Record<PortalRefusal, string> = {
  unknown: 'Токен портала не распознан: проверьте заголовок Authorization: Bearer <токен>.',
  revoked: 'Токен портала отозван: получите новый у координатора.',
  expired: 'Срок действия токена портала истёк: получите новый у координатора.',
};

/**
 * Checks a secret at `now`: the token, or why not. A rotated-away secret works until its overlap
 * ends, then is `expired`. The last use (time, address) is written at most once a minute per token.
 */
export async function authenticatePortalToken(prisma: Db, secret: string, now: Date, address: string | null): Promise<PortalAuthentication> {
  if (!secret.startsWith(PORTAL_TOKEN_PREFIX) || secret.length > 200) return { ok: false, reason: 'unknown' };
  const hash = sha256Hex(secret);
  const token = await prisma.portalToken.findFirst({
    where: { OR: [{ secretSha256: hash }, { previousSecretSha256: hash }] },
    select: {
      id: true,
      regionId: true,
      scopes: true,
      secretSha256: true,
      previousValidUntil: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      allowedOperations: true,
      region: { select: { code: true } },
    },
  });
  if (!token) return { ok: false, reason: 'unknown' };
  if (token.revokedAt && token.revokedAt <= now) return { ok: false, reason: 'revoked' };
  if (token.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (token.secretSha256 !== hash && !(token.previousValidUntil && now < token.previousValidUntil)) return { ok: false, reason: 'expired' };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_INTERVAL_MS) {
    // Conditional, so concurrent requests write it once.
    await prisma.portalToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USE_INTERVAL_MS) } }] },
      data: { lastUsedAt: now, lastUsedFrom: address },
    });
  }
  const portal: Portal = { tokenId: token.id, regionId: token.regionId, regionCode: token.region.code, scopes: token.scopes as PortalScope[] };
  if (token.allowedOperations.length) portal.allowedOperations = token.allowedOperations;
  return { ok: true, portal };
}
