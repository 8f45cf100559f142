import { builder } from '../builder.ts';
import type { FederalDistrict as FederalDistricts } from '../generated/prisma/enums.ts';
import { addListQueries, contains } from './lists.ts';

export const federalDistrictNames: Record<keyof typeof FederalDistricts, string> = {
  CENTRAL: 'Центральный федеральный округ',
  NORTHWESTERN: 'Северо-Западный федеральный округ',
  SOUTHERN: 'Южный федеральный округ',
  NORTH_CAUCASIAN: 'Северо-Кавказский федеральный округ',
  VOLGA: 'Приволжский федеральный округ',
  URAL: 'Уральский федеральный округ',
  SIBERIAN: 'Сибирский федеральный округ',
  FAR_EASTERN: 'Дальневосточный федеральный округ',
};

export const FederalDistrict = builder.enumType('FederalDistrict', {
  values: Object.fromEntries(Object.entries(federalDistrictNames).map(([value, name]) => [value, { description: name }])) as Record<
    keyof typeof FederalDistricts,
    { description: string }
  >,
});

builder.prismaObject('Region', {
  description: 'A subject of the Russian Federation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'ISO 3166-2:RU code.' }),
    name: t.exposeString('name'),
    federalDistrict: t.expose('federalDistrict', { type: FederalDistrict }),
    federalDistrictName: t.string({ resolve: (region) => federalDistrictNames[region.federalDistrict] }),
    aliases: t.exposeStringList('aliases'),
    position: t.exposeInt('position'),
  }),
});

const RegionFilter = builder.inputType('RegionFilter', {
  fields: (t) => ({
    q: t.string({ description: 'Part of the name, code or an alias.' }),
    federalDistrict: t.field({ type: FederalDistrict }),
    ids: t.idList(),
  }),
});

addListQueries({
  type: 'Region',
  plural: 'Regions',
  filter: RegionFilter,
  scope: 'public',
  sortFields: { position: (order) => ({ position: order }), name: (order) => ({ name: order }), code: (order) => ({ code: order }) },
  defaultSort: 'position',
  delegate: (context) => context.prisma.region,
  toWhere: (filter) => {
    const text = contains(filter?.q);
    return {
      ...(filter?.federalDistrict ? { federalDistrict: filter.federalDistrict } : {}),
      ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
      ...(text ? { OR: [{ name: text }, { code: text }, { aliases: { has: filter!.q!.trim() } }] } : {}),
    };
  },
});
