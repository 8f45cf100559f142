// Loads the reference data every installation needs: regions, spheres and the measure-type taxonomy.
// Idempotent: rows are matched by their stable codes; only a missing or changed row is written, so a
// restart reads four tables and writes nothing.
import type { Db } from '../db/client.ts';
import { forgetReferenceCatalog } from '../services/referenceCatalog.ts';
import { measureTypeGroups } from './measureTypes.ts';
import { regions } from './regions.ts';
import { spheres } from './spheres.ts';

export interface ReferenceCounts {
  regions: number;
  spheres: number;
  measureTypeGroups: number;
  measureTypes: number;
}

/** True when the stored row already holds every value of `data`. */
function holds(row: object | undefined, data: Record<string, unknown>): boolean {
  if (!row) return false;
  const stored = row as Record<string, unknown>;
  return Object.entries(data).every(([key, value]) => JSON.stringify(stored[key]) === JSON.stringify(value));
}

const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((row) => [row.code, row]));

export async function seedReferenceData(prisma: Db): Promise<ReferenceCounts> {
  try {
    return await writeReferenceData(prisma);
  } finally {
    // What saves keep in memory is read again after this.
    forgetReferenceCatalog(prisma);
  }
}

function writeReferenceData(prisma: Db): Promise<ReferenceCounts> {
  return prisma.$transaction(
    async (tx) => {
      const [storedRegions, storedSpheres, storedGroups, storedTypes] = await Promise.all([
        tx.region.findMany().then(byCode),
        tx.sphere.findMany().then(byCode),
        tx.measureTypeGroup.findMany().then(byCode),
        tx.measureType.findMany().then(byCode),
      ]);
      for (const [position, region] of regions.entries()) {
        const data = { name: region.name, federalDistrict: region.federalDistrict, aliases: region.aliases, position };
        if (holds(storedRegions.get(region.code), data)) continue;
        await tx.region.upsert({ where: { code: region.code }, create: { code: region.code, ...data }, update: data });
      }
      for (const [position, sphere] of spheres.entries()) {
        const data = { name: sphere.name, position };
        if (holds(storedSpheres.get(sphere.code), data)) continue;
        await tx.sphere.upsert({ where: { code: sphere.code }, create: { code: sphere.code, ...data }, update: data });
      }
      let typeCount = 0;
      for (const [groupPosition, group] of measureTypeGroups.entries()) {
        const groupData = { name: group.name, position: groupPosition };
        const storedGroup = storedGroups.get(group.code);
        const groupId =
          storedGroup && holds(storedGroup, groupData)
            ? storedGroup.id
            : (await tx.measureTypeGroup.upsert({ where: { code: group.code }, create: { code: group.code, ...groupData }, update: groupData })).id;
        for (const type of group.types) {
          const data = { name: type.name, help: type.help, groupId, position: typeCount++ };
          if (holds(storedTypes.get(type.code), data)) continue;
          await tx.measureType.upsert({ where: { code: type.code }, create: { code: type.code, ...data }, update: data });
        }
      }
      return { regions: regions.length, spheres: spheres.length, measureTypeGroups: measureTypeGroups.length, measureTypes: typeCount };
    },
    { timeout: 60_000 },
  );
}
