// Coordinators correct the authorities registered from free-text answers (typos in the name, a
// missing sphere). Each change is audited in the same transaction.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Authority } from '../generated/prisma/client.ts';
import { recordAudit, type Actor } from './audit.ts';
import { fieldError, NotFoundError, ValidationError } from './errors.ts';
import { parseInput } from './input.ts';

const inputSchema = z.object({
  id: z.number().int().positive(),
  // Collapse runs of spaces as registration does, so «А  Б» and «А Б» are one name.
  name: z
    .string()
    .transform((name) => name.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(3, { error: 'Укажите полное наименование органа власти (не короче 3 символов).' })
        .max(500, { error: 'Наименование органа власти не длиннее 500 символов.' }),
    ),
  sphereId: z.number().int().positive().nullable(),
  reason: z
    .string()
    .nullish()
    .transform((reason) => reason?.trim() || null)
    .pipe(z.string().max(1000, { error: 'Причина не длиннее 1000 символов.' }).nullable()),
});

export type UpdateAuthorityInput = z.input<typeof inputSchema>;

const snapshot = (authority: Authority) => ({ name: authority.name, sphereId: authority.sphereId, regionId: authority.regionId });

export async function updateAuthority(prisma: Db, actor: Actor, input: UpdateAuthorityInput): Promise<Authority> {
  const change = parseInput(inputSchema, input);
  try {
    return await save(prisma, actor, change);
  } catch (error) {
    // Two coordinators saving the same name at once: the unique index decides, the message is the same.
    if ((error as { code?: string }).code === 'P2002') {
      throw new ValidationError([
        fieldError('name', 'DUPLICATE', 'В этом субъекте уже есть орган власти с таким наименованием. Укажите другое наименование.'),
      ]);
    }
    throw error;
  }
}

async function save(prisma: Db, actor: Actor, change: z.output<typeof inputSchema>): Promise<Authority> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.authority.findUnique({ where: { id: change.id } });
    if (!current) throw new NotFoundError('Орган власти не найден: возможно, его запись удалена. Обновите список.');
    if (change.sphereId !== null && !(await tx.sphere.findUnique({ where: { id: change.sphereId } }))) {
      throw new ValidationError([fieldError('sphereId', 'UNKNOWN_REFERENCE', 'Такой сферы нет в справочнике: выберите сферу из списка.')]);
    }
    // Case-insensitive: «министерство …» next to «Министерство …» is the same authority.
    const twin = await tx.authority.findFirst({
      where: { regionId: current.regionId, id: { not: current.id }, name: { equals: change.name, mode: 'insensitive' } },
    });
    if (twin) {
      throw new ValidationError([
        fieldError('name', 'DUPLICATE', `В этом субъекте уже есть орган власти «${twin.name}». Укажите другое наименование.`),
      ]);
    }
    if (current.name === change.name && current.sphereId === change.sphereId) {
      throw new ValidationError([fieldError('name', 'UNCHANGED', 'Наименование и сфера не изменились: сохранять нечего.')]);
    }
    const updated = await tx.authority.update({ where: { id: current.id }, data: { name: change.name, sphereId: change.sphereId } });
    await recordAudit(tx, actor, {
      action: 'authority.update',
      subjectType: 'Authority',
      subjectId: current.id,
      before: snapshot(current),
      after: snapshot(updated),
      reason: change.reason,
    });
    return updated;
  });
}
