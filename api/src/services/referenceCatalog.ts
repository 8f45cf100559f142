// The reference data a save checks answers against (regions, measure types), kept in memory per
// database client: it changes only when seedReferenceData() runs (at bootstrap, before the server
// serves), which forgets it. A save would otherwise read 89 regions and every measure type again.
import type { Db } from '../db/client.ts';
import type { Catalog } from '../survey/engine.ts';

export interface ReferenceCatalog extends Catalog {
  regionIds: ReadonlyMap<string, number>;
  measureTypeIds: ReadonlyMap<string, number>;
}

const catalogs = new WeakMap<Db, Promise<ReferenceCatalog>>();

async function loadCatalog(prisma: Db): Promise<ReferenceCatalog> {
  const [regions, types] = await Promise.all([
    prisma.region.findMany({ select: { id: true, code: true } }),
    prisma.measureType.findMany({ select: { id: true, code: true } }),
  ]);
  const regionIds = new Map(regions.map((region) => [region.code, region.id]));
  const measureTypeIds = new Map(types.map((type) => [type.code, type.id]));
  return { regionIds, measureTypeIds, regionCodes: new Set(regionIds.keys()), measureTypeCodes: new Set(measureTypeIds.keys()) };
}

/** Regions and measure types by code, read once per client. */
export function referenceCatalog(prisma: Db): Promise<ReferenceCatalog> {
  let catalog = catalogs.get(prisma);
  if (!catalog) {
    catalog = loadCatalog(prisma);
    catalogs.set(prisma, catalog);
    // A failed read (the database was unreachable) is not kept: the next save reads again.
    const pending = catalog;
    pending.catch(() => {
      if (catalogs.get(prisma) === pending) catalogs.delete(prisma);
    });
  }
  return catalog;
}

/** Drops what referenceCatalog() keeps for this client (the reference data was just written). */
export function forgetReferenceCatalog(prisma: Db): void {
  catalogs.delete(prisma);
}
