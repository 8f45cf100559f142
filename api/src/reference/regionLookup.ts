// Finds a region from the way a document writes it ("Ханты-Мансийский АО", "г. Москва",
// "Чувашская республика", "Республика Саха-Якутия", "Татарстан Республика").
//
// Every region's name and aliases are reduced to a key; a text matches when its key equals one of them.
// The key is case-insensitive and ignores what varies between documents without changing the meaning:
// spacing (including no-break spaces), quotes and parentheses, the kind of dash and the spaces around it,
// "ё"/"е", a leading "г." / "город" (federal cities), stray punctuation at the ends, and the position of
// the word "Республика" ("Республика Татарстан" = "Татарстан Республика"). No other inflection is
// guessed: other short forms ("ХМАО", "Кузбасс") are aliases in regions.ts.

export interface RegionForLookup {
  id?: number;
  code: string;
  name: string;
  aliases: string[];
}

/** Returns the region code for a written form, or null when no region has that name or alias. */
export type RegionMatcher = (text: string) => string | null;

const REPUBLIC = 'республика';

/** The comparison key of a region name as written in a document. */
export function regionKey(text: string): string {
  let s = text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
  s = s.replace(/[«»"“”„‟'‘’‚`()[\]]/g, ' ');
  s = s.replace(/\s+/g, ' ').trim(); // \s covers the no-break space
  s = s.replace(/\s*[-‐‑‒–—―−]+\s*/g, '-');
  s = s.replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
  s = s.replace(/^(?:город федерального значения|город|г\.|г(?= ))\s*/, '');
  // Seed 002 lists "Республики Дагестан" (genitive) among nominative names.
  s = s.replace(/^(?:республики|респ\.?)(?= )/, REPUBLIC);
  s = s.replace(/ респ\.?$/, ` ${REPUBLIC}`);
  s = s.replace(/(^| )обл\.?$/, '$1область');
  if (s.startsWith(`${REPUBLIC} `)) s = `${s.slice(REPUBLIC.length + 1)} ${REPUBLIC}`;
  return s;
}

/**
 * Builds a matcher over the given regions (reference data or rows read from the database).
 * Throws when two regions share a key, since a text could then not be attributed.
 */
export function createRegionMatcher(regions: RegionForLookup[]): RegionMatcher {
  const byKey = new Map<string, string>();
  for (const region of regions) {
    for (const form of [region.name, region.code, ...region.aliases]) {
      const key = regionKey(form);
      if (key === '') continue;
      const other = byKey.get(key);
      if (other !== undefined && other !== region.code) {
        throw new Error(`Неоднозначное наименование региона «${form}»: подходит к ${other} и ${region.code}`);
      }
      byKey.set(key, region.code);
    }
  }
  return (text: string) => byKey.get(regionKey(text)) ?? null;
}
