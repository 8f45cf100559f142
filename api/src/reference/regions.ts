// PLACEHOLDER being replaced by the full list of 89 subjects.
import type { FederalDistrict } from '../generated/prisma/enums.ts';

export interface RegionData {
  /** ISO 3166-2:RU code; for subjects ISO does not list, the GOST 7.67-style code in common use. */
  code: string;
  /** Official name as in art. 65 of the Constitution. */
  name: string;
  federalDistrict: FederalDistrict;
  /** Short and alternative forms used in documents, matched case-insensitively. */
  aliases: string[];
}

export const regions: RegionData[] = [
  { code: 'RU-ALT', name: 'Алтайский край', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-MOW', name: 'Москва', federalDistrict: 'CENTRAL', aliases: ['г. Москва'] },
];
