// Persisted operations for portals' tokens (issue 11, point 3): a token may be limited to a list of
// approved operations, kept as the SHA-256 of each operation's normalized text. The normalized text of
// an operation is graphql-js's print of a document holding that operation followed by the fragments it
// uses (transitively), sorted by name: whitespace, comments, commas and the order of the fragments (or
// other definitions sent beside it) do not matter; any other change (a field, an argument, an alias, a
// literal, the operation's name) does. The client sends the query text as usual; the server hashes the
// operation it is asked to run.
import { createHash } from 'node:crypto';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';
import type { Db } from '../db/client.ts';
import { recordAudit, type Actor, type AuditAction } from './audit.ts';
import { PortalTokenInputError } from './portalTokens.ts';

export const OPERATION_NOT_ALLOWED = 'OPERATION_NOT_ALLOWED';
export const operationNotAllowedMessage =
  'Этот запрос не входит в список разрешённых для токена портала (persisted operations): отправьте одну из утверждённых операций без изменений или попросите координатора добавить новую.';

/** The longest list of approved operations a token may hold. */
export const MAX_ALLOWED_OPERATIONS = 500;

/** The normalized text of one operation of a document with the fragments it uses, or null if it uses an unknown one. */
export function normalizedOperation(document: DocumentNode, operation: OperationDefinitionNode): string | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used = new Map<string, FragmentDefinitionNode>();
  let unknown = false;
  const pending: DefinitionNode[] = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) {
          unknown = true;
          return;
        }
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  if (unknown) return null;
  const sorted = [...used.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...sorted] });
}

export const operationHash = (normalized: string): string => createHash('sha256').update(normalized, 'utf8').digest('hex');

/** The hash of the operation a request runs (`operationName`, or the document's only operation), or null. */
export function requestedOperationHash(document: DocumentNode, operationName: string | null | undefined): string | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return null;
  const normalized = normalizedOperation(document, operation);
  return normalized === null ? null : operationHash(normalized);
}

/** Each named operation of a file's text with its hash; anything unparsable, unnamed or incomplete is refused. */
export function operationsOfFile(text: string): { name: string; hash: string }[] {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new PortalTokenInputError(`Файл не разобран как GraphQL: ${(error as Error).message}`, 'document');
  }
  const found: { name: string; hash: string }[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (definition.operation !== 'query') throw new PortalTokenInputError('В файле не только запросы (query): порталы только читают.', 'document');
    const name = definition.name?.value;
    if (!name) throw new PortalTokenInputError('У каждой операции в файле должно быть имя (query ИмяЗапроса { … }).', 'document');
    const normalized = normalizedOperation(document, definition);
    if (normalized === null) throw new PortalTokenInputError(`Операция ${name} использует фрагмент, которого нет в файле.`, 'document');
    found.push({ name, hash: operationHash(normalized) });
  }
  if (!found.length) throw new PortalTokenInputError('В файле нет ни одной операции.', 'document');
  return found;
}

async function liveTokenOperations(prisma: Db, id: number) {
  const token =
    Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
      ? await prisma.portalToken.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true, allowedOperations: true } })
      : null;
  if (!token) throw new PortalTokenInputError(`Токен ${id} не найден.`, 'id');
  if (token.revokedAt) throw new PortalTokenInputError(`Токен ${id} уже отозван.`, 'id');
  return token;
}

/**
 * Adds these hashes to a token's list, or with `replace` makes them the whole list, in one audited
 * write; returns the new list.
 */
export async function allowPortalOperations(
  prisma: Db,
  actor: Actor,
  id: number,
  hashes: readonly string[],
  options: { replace?: boolean } = {},
): Promise<string[]> {
  const before = await liveTokenOperations(prisma, id);
  for (const hash of hashes) if (!/^[0-9a-f]{64}$/.test(hash)) throw new PortalTokenInputError(`Не SHA-256: ${hash}.`, 'document');
  const after = [...new Set([...(options.replace ? [] : before.allowedOperations), ...hashes])];
  if (after.length > MAX_ALLOWED_OPERATIONS) throw new PortalTokenInputError(`Не больше ${MAX_ALLOWED_OPERATIONS} операций на токен.`, 'document');
  return setAllowed(prisma, actor, id, before.allowedOperations, after, 'portalToken.allowOperations');
}

/** Empties a token's list: it may run any read again (audited). */
export async function clearPortalOperations(prisma: Db, actor: Actor, id: number): Promise<void> {
  const before = await liveTokenOperations(prisma, id);
  await setAllowed(prisma, actor, id, before.allowedOperations, [], 'portalToken.clearOperations');
}

async function setAllowed(prisma: Db, actor: Actor, id: number, before: string[], after: string[], action: AuditAction): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    await tx.portalToken.update({ where: { id }, data: { allowedOperations: after } });
    await recordAudit(tx, actor, {
      action,
      subjectType: 'PortalToken',
      subjectId: id,
      before: { allowedOperations: before },
      after: { allowedOperations: after },
    });
    return after;
  });
}
