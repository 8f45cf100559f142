// Loads the reference data every installation needs: regions, spheres and the measure-type taxonomy.
// Idempotent: rows are matched by their stable codes and updated in place.
import type { Db } from '../db/client.ts';
import { measureTypeGroups } from './measureTypes.ts';
import { regions } from './regions.ts';
import { spheres } from './spheres.ts';

export interface ReferenceCounts {
  regions: number;
  spheres: number;
  measureTypeGroups: number;
  measureTypes: number;
}

export async function seedReferenceData(prisma: Db): Promise<ReferenceCounts> {
  return prisma.$transaction(
    async (tx) => {
      for (const [position, region] of regions.entries()) {
        const data = { name: region.name, federalDistrict: region.federalDistrict, aliases: region.aliases, position };
        await tx.region.upsert({ where: { code: region.code }, create: { code: region.code, ...data }, update: data });
      }
      for (const [position, sphere] of spheres.entries()) {
        await tx.sphere.upsert({
          where: { code: sphere.code },
          create: { code: sphere.code, name: sphere.name, position },
          update: { name: sphere.name, position },
        });
      }
      let typeCount = 0;
      for (const [groupPosition, group] of measureTypeGroups.entries()) {
        const { id: groupId } = await tx.measureTypeGroup.upsert({
          where: { code: group.code },
          create: { code: group.code, name: group.name, position: groupPosition },
          update: { name: group.name, position: groupPosition },
        });
        for (const type of group.types) {
          const data = { name: type.name, help: type.help, groupId, position: typeCount++ };
          await tx.measureType.upsert({ where: { code: type.code }, create: { code: type.code, ...data }, update: data });
        }
      }
      return { regions: regions.length, spheres: spheres.length, measureTypeGroups: measureTypeGroups.length, measureTypes: typeCount };
    },
    { timeout: 60_000 },
  );
}
