// lucia's storage adapter over Prisma 7. lucia hands us the session id, which is the secret in the
// cookie; we store and look up only its SHA-256, so a database leak yields no usable session.
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Db } from '../db/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { sha256Hex } from './tokens.ts';

export interface UserAttributes {
  email: string;
  role: Role;
  fullName: string | null;
}

/** What a session records besides its user: the personal link it was opened with, if any. */
export interface SessionAttributes {
  loginLinkId?: string | null;
}

/** The link was revoked (a newer one was delivered) between its check and the session's start. */
export class LinkRevokedError extends Error {
  constructor() {
    super('The personal link was revoked before the session started');
  }
}

interface SessionRow {
  userId: string;
  expiresAt: Date;
  email: string;
  role: Role;
  fullName: string | null;
  disabledAt: Date | null;
}

export class HashedSessionAdapter implements Adapter {
  constructor(
    private readonly prisma: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One statement per request: the session and its user, joined. */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await this.prisma.$queryRaw<SessionRow[]>`
      SELECT s."userId", s."expiresAt", u.email, u.role::text AS role, u."fullName", u."disabledAt"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = ${sha256Hex(sessionId)}`;
    if (!row || row.disabledAt) return [null, null];
    return [
      { id: sessionId, userId: row.userId, expiresAt: new Date(row.expiresAt), attributes: {} },
      { id: row.userId, attributes: { email: row.email, role: row.role, fullName: row.fullName } satisfies UserAttributes },
    ];
  }

  /** The ids returned are the stored hashes: the secrets themselves are not kept anywhere. */
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.prisma.session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  }

  /**
   * A session opened with a link is written only while the link is live, in one statement that
   * holds the link's row FOR SHARE: a rotation revoking the link (rotateLoginLinks) either waits for
   * this insert and then ends the session with the link, or commits first and this insert finds the
   * link revoked and writes nothing.
   */
  async setSession(session: DatabaseSession): Promise<void> {
    const loginLinkId = (session.attributes as SessionAttributes).loginLinkId ?? null;
    if (!loginLinkId) {
      await this.prisma.session.create({ data: { id: sha256Hex(session.id), userId: session.userId, expiresAt: session.expiresAt } });
      return;
    }
    const inserted = await this.prisma.$executeRaw`
      WITH link AS (
        SELECT id FROM "LoginLink" WHERE id = ${loginLinkId} AND "userId" = ${session.userId} AND "revokedAt" IS NULL FOR SHARE
      )
      INSERT INTO "Session" (id, "userId", "expiresAt", "loginLinkId")
      SELECT ${sha256Hex(session.id)}, ${session.userId}, ${session.expiresAt}, link.id FROM link`;
    if (inserted !== 1) throw new LinkRevokedError();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sha256Hex(sessionId) }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sha256Hex(sessionId) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.prisma.session.deleteMany({ where: { expiresAt: { lte: this.now() } } });
  }
}
