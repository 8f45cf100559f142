// `npm run portal-token -- …` as a function of its arguments (api/scripts/portal-token.ts opens the
// database and calls it; tests call it on theirs): create, list, revoke, rotate.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Db } from './db/client.ts';
import type { Actor } from './services/audit.ts';
import { allowPortalOperations, clearPortalOperations, operationsOfFile } from './services/portalOperations.ts';
import {
  DEFAULT_OVERLAP_HOURS,
  issuePortalToken,
  listPortalTokens,
  PORTAL_SCOPES,
  type PortalTokenInfo,
  PortalTokenInputError,
  portalScopes,
  revokePortalToken,
  rotatePortalToken,
} from './services/portalTokens.ts';

export const portalTokenUsage = `Usage:
  npm run portal-token -- create --region <ISO code, e.g. RU-KB> --name <text> [--expires <date>] [--scopes <list>]
  npm run portal-token -- list
  npm run portal-token -- revoke <id>
  npm run portal-token -- rotate <id> [--overlap-hours N]   (default ${DEFAULT_OVERLAP_HOURS})
  npm run portal-token -- allow <id> <file.graphql>   (the token may run only the approved operations: each named query of the file)
  npm run portal-token -- allow <id> --clear          (any read again)
Scopes (comma-separated, default status):
${PORTAL_SCOPES.map((scope) => `  ${scope} — ${portalScopes[scope]}`).join('\n')}`;

/** The audit log's actor for the command line: the operating-system user who ran it. */
export function commandLineActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {}
  return { id: 'cli', email: `npm run portal-token (${user})` };
}

function parseDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new PortalTokenInputError(`Не дата: ${text} (ISO 8601, например 2027-12-31 или 2027-12-31T00:00:00+03:00).`);
  return date;
}

function parseId(text: string | undefined): number {
  if (!text || !/^\d{1,10}$/.test(text)) throw new PortalTokenInputError(`Нужен номер токена (из list), не «${text ?? ''}».`);
  return Number(text);
}

const line = (token: PortalTokenInfo, now: Date) => {
  const state = token.revokedAt ? `отозван ${token.revokedAt.toISOString()}` : token.expiresAt <= now ? 'истёк' : 'действует';
  const overlap =
    token.previousValidUntil && token.previousValidUntil > now && !token.revokedAt
      ? `, старый секрет до ${token.previousValidUntil.toISOString()}`
      : '';
  const used = token.lastUsedAt ? `${token.lastUsedAt.toISOString()} с ${token.lastUsedFrom ?? '?'}` : 'не использовался';
  const operations = token.allowedOperations.length ? `разрешённых операций: ${token.allowedOperations.length}` : 'любые запросы на чтение';
  return `${token.id}\t${token.regionCode}\t${token.name}\t${token.scopes.join(',')}\tдо ${token.expiresAt.toISOString()}\t${state}${overlap}\t${operations}\tпоследнее использование: ${used}\tвыпустил ${token.createdBy}`;
};

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      region: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
      scopes: { type: 'string' },
      'overlap-hours': { type: 'string' },
      clear: { type: 'boolean' },
    },
  });

/**
 * Runs the command; writes to `out` (the token alone on the last line for create and rotate) and
 * `err`; returns the exit code (0, 1 for a refusal, 2 for a usage error).
 */
export async function runPortalTokenCommand(
  prisma: Db,
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void; actor?: Actor; now?: () => Date } = { out: console.log, err: console.error },
): Promise<number> {
  const now = io.now ?? (() => new Date());
  const actor = io.actor ?? commandLineActor();
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${portalTokenUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  try {
    switch (command) {
      case 'create': {
        if (!values.region || !values.name || rest.length) break;
        const { token, secret } = await issuePortalToken(
          prisma,
          actor,
          {
            regionCode: values.region,
            name: values.name,
            scopes: values.scopes === undefined ? undefined : values.scopes.split(','),
            expiresAt: values.expires === undefined ? undefined : parseDate(values.expires),
          },
          now(),
        );
        io.out(
          `Токен ${token.id} «${token.name}» для ${token.regionName} (${token.regionCode}), права: ${token.scopes.join(', ')}, действует до ${token.expiresAt.toISOString()}.`,
        );
        io.out('Сохраните его сейчас: он показывается один раз и хранится только в виде хеша.');
        io.out(secret);
        return 0;
      }
      case 'list': {
        if (rest.length) break;
        const tokens = await listPortalTokens(prisma);
        if (!tokens.length) io.out('Токенов нет.');
        for (const token of tokens) io.out(line(token, now()));
        return 0;
      }
      case 'revoke': {
        if (rest.length !== 1) break;
        const token = await revokePortalToken(prisma, actor, parseId(rest[0]), now());
        io.out(`Токен ${token.id} «${token.name}» отозван.`);
        return 0;
      }
      case 'allow': {
        if (values.clear ? rest.length !== 1 : rest.length !== 2) break;
        const id = parseId(rest[0]);
        if (values.clear) {
          await clearPortalOperations(prisma, actor, id);
          io.out(`Токен ${id}: список разрешённых операций очищен, токен может выполнять любые запросы на чтение.`);
          return 0;
        }
        let text: string;
        try {
          text = await readFile(rest[1]!, 'utf8');
        } catch (error) {
          throw new PortalTokenInputError(`Файл ${rest[1]} не прочитан: ${(error as Error).message}`);
        }
        const operations = operationsOfFile(text);
        const allowed = await allowPortalOperations(
          prisma,
          actor,
          id,
          operations.map((operation) => operation.hash),
        );
        for (const operation of operations) io.out(`${operation.hash}\t${operation.name}`);
        io.out(`Токен ${id}: разрешено операций — ${allowed.length}; другие запросы отклоняются (OPERATION_NOT_ALLOWED).`);
        return 0;
      }
      case 'rotate': {
        if (rest.length !== 1) break;
        const hoursText = values['overlap-hours'];
        if (hoursText !== undefined && !/^\d+(\.\d+)?$/.test(hoursText))
          throw new PortalTokenInputError(`--overlap-hours: число часов, не «${hoursText}».`);
        const { token, secret } = await rotatePortalToken(
          prisma,
          actor,
          parseId(rest[0]),
          { overlapHours: hoursText === undefined ? undefined : Number(hoursText) },
          now(),
        );
        io.out(`Токен ${token.id} «${token.name}» заменён; прежний секрет действует до ${token.previousValidUntil?.toISOString()}.`);
        io.out('Сохраните новый сейчас: он показывается один раз.');
        io.out(secret);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof PortalTokenInputError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  io.err(portalTokenUsage);
  return 2;
}
