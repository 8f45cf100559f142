import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRegionMatcher, regionKey } from '../../api/src/reference/regionLookup.ts';
import { regions } from '../../api/src/reference/regions.ts';

/** The source documents: the best-practice table ships with the product, the 2023 analysis is a test fixture. */
const bestPractices = readFileSync(fileURLToPath(new URL('../../prisma/seeds/best-practices.txt', import.meta.url)), 'utf8');
const analysis2023 = readFileSync(fileURLToPath(new URL('../fixtures/survey-analysis-2023.txt', import.meta.url)), 'utf8');
const byCode = new Map(regions.map((r) => [r.code, r]));
const match = createRegionMatcher(regions);

describe('regions reference data', () => {
  it('has all 89 subjects of the Russian Federation', () => {
    expect(regions).toHaveLength(89);
  });

  it('has unique codes, names and aliases', () => {
    const codes = regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^RU-[A-Z]{2,3}$/);

    const names = regions.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);

    // Every written form (name or alias) belongs to one region only, and is listed once.
    const forms = regions.flatMap((r) => [r.name, ...r.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
    for (const form of forms) expect(form).toBe(form.trim());
  });

  it('uses all 8 federal districts with the expected number of subjects', () => {
    const count = (d: string) => regions.filter((r) => r.federalDistrict === d).length;
    expect(new Set(regions.map((r) => r.federalDistrict)).size).toBe(8);
    expect({
      CENTRAL: count('CENTRAL'),
      NORTHWESTERN: count('NORTHWESTERN'),
      SOUTHERN: count('SOUTHERN'),
      NORTH_CAUCASIAN: count('NORTH_CAUCASIAN'),
      VOLGA: count('VOLGA'),
      URAL: count('URAL'),
      SIBERIAN: count('SIBERIAN'),
      FAR_EASTERN: count('FAR_EASTERN'),
    }).toEqual({ CENTRAL: 18, NORTHWESTERN: 11, SOUTHERN: 12, NORTH_CAUCASIAN: 7, VOLGA: 14, URAL: 6, SIBERIAN: 10, FAR_EASTERN: 11 });
  });

  it('follows art. 65: republics, krais, oblasts, federal cities, autonomous oblast, autonomous okrugs', () => {
    const kind = (name: string) =>
      /Республика|Республики/.test(name)
        ? 'republic'
        : / край$/.test(name)
          ? 'krai'
          : /автономная область$/.test(name)
            ? 'autonomous oblast'
            : /область( — Кузбасс)?$/.test(name)
              ? 'oblast'
              : /автономный округ/.test(name)
                ? 'autonomous okrug'
                : 'city';
    const kinds = regions.map((r) => kind(r.name));
    const runs = kinds.filter((k, i) => i === 0 || kinds[i - 1] !== k);
    expect(runs).toEqual(['republic', 'krai', 'oblast', 'city', 'autonomous oblast', 'autonomous okrug']);
    expect(kinds.filter((k) => k === 'republic')).toHaveLength(24);
    expect(kinds.filter((k) => k === 'krai')).toHaveLength(9);
    expect(kinds.filter((k) => k === 'oblast')).toHaveLength(48);
    expect(regions.filter((r) => kind(r.name) === 'city').map((r) => r.name)).toEqual(['Москва', 'Санкт-Петербург', 'Севастополь']);
    expect(regions[0]!.name).toBe('Республика Адыгея');
    expect(regions.at(-1)!.name).toBe('Ямало-Ненецкий автономный округ');
  });

  it('gives the subjects ISO does not list their agreed codes and the current districts', () => {
    const pick = (code: string) => {
      const r = byCode.get(code);
      return r && { name: r.name, district: r.federalDistrict };
    };
    expect(pick('RU-CR')).toEqual({ name: 'Республика Крым', district: 'SOUTHERN' });
    expect(pick('RU-SEV')).toEqual({ name: 'Севастополь', district: 'SOUTHERN' });
    expect(pick('RU-DPR')).toEqual({ name: 'Донецкая Народная Республика', district: 'SOUTHERN' });
    expect(pick('RU-LPR')).toEqual({ name: 'Луганская Народная Республика', district: 'SOUTHERN' });
    expect(pick('RU-ZAP')).toEqual({ name: 'Запорожская область', district: 'SOUTHERN' });
    expect(pick('RU-KHE')).toEqual({ name: 'Херсонская область', district: 'SOUTHERN' });
    expect(pick('RU-BU')?.district).toBe('FAR_EASTERN');
    expect(pick('RU-ZAB')?.district).toBe('FAR_EASTERN');
    expect(pick('RU-KHM')).toEqual({ name: 'Ханты-Мансийский автономный округ — Югра', district: 'URAL' });
    expect(pick('RU-TA')?.name).toBe('Республика Татарстан');
    expect(pick('RU-MOW')?.name).toBe('Москва');
    expect(pick('RU-SPE')?.district).toBe('NORTHWESTERN');
    expect(pick('RU-ALT')?.district).toBe('SIBERIAN');
    expect(pick('RU-STA')?.district).toBe('NORTH_CAUCASIAN');
  });
});

describe('createRegionMatcher', () => {
  it('matches names and aliases regardless of case, spacing, quotes, dashes, ё and "г."', () => {
    expect(match('Москва')).toBe('RU-MOW');
    expect(match('г. Москва')).toBe('RU-MOW');
    expect(match('г.Москва')).toBe('RU-MOW');
    expect(match('г.\u00a0Москва')).toBe('RU-MOW');
    expect(match('город Севастополь')).toBe('RU-SEV');
    expect(match('  ханты-мансийский   ао ')).toBe('RU-KHM');
    expect(match('Ханты-Мансийский автономный округ - Югра')).toBe('RU-KHM');
    expect(match('Ханты-Мансийский автономный округ–Югра')).toBe('RU-KHM');
    expect(match('ХМАО-Югра')).toBe('RU-KHM');
    expect(match('«Республика Татарстан»')).toBe('RU-TA');
    expect(match('Республика Северная Осетия - Алания')).toBe('RU-SE');
    expect(match('Кемеровская область - Кузбасс')).toBe('RU-KEM');
    expect(match('Республика Марий Эл.')).toBe('RU-ME');
    expect(match('Орёл')).toBeNull();
    expect(match('Чувашская Республика – Чувашия')).toBe('RU-CU');
    expect(match('RU-SPE')).toBe('RU-SPE');
  });

  it('accepts either word order around "Республика"', () => {
    expect(match('Татарстан Республика')).toBe('RU-TA');
    expect(match('Республика Удмуртская')).toBe('RU-UD');
    expect(match('Чувашская республика')).toBe('RU-CU');
    expect(match('Республика Чувашская')).toBe('RU-CU');
    expect(match('Тыва Республика')).toBe('RU-TY');
    expect(regionKey('Республика Татарстан')).toBe(regionKey('татарстан  РЕСПУБЛИКА'));
  });

  it('returns null for what is not a region', () => {
    expect(match('')).toBeNull();
    expect(match('Республика')).toBeNull();
    expect(match('Касимов')).toBeNull();
    expect(match('Московская')).toBeNull();
    expect(match('Российская Федерация')).toBeNull();
  });

  it('refuses reference data where two regions share a form', () => {
    expect(() =>
      createRegionMatcher([
        { code: 'RU-A', name: 'Первая область', aliases: ['Общая'] },
        { code: 'RU-B', name: 'Вторая область', aliases: ['общая'] },
      ]),
    ).toThrow(/Общая|общая/);
  });
});

describe('region names in the seeds', () => {
  it('resolves every region of the best-practice table (seed 003)', () => {
    // The region column: the cells whose whole text is a region-like name.
    const names = new Set(
      [...bestPractices.matchAll(/^\t([^\t\n]+)$/gm)]
        .map((m) => m[1]!.trim())
        .filter((cell) => /^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? (?:область|край|[Рр]еспублика|АО)|Республика [А-ЯЁ][^,.]*|Москва)$/.test(cell)),
    );
    expect(names.size).toBe(37);
    for (const written of ['Ханты-Мансийский АО', 'Чувашская республика', 'Республика Саха-Якутия', 'Москва', 'Удмуртская Республика']) {
      expect(names).toContain(written);
    }
    const unresolved = [...names].filter((n) => match(n) === null);
    expect(unresolved).toEqual([]);
    expect(match('Республика Саха-Якутия')).toBe('RU-SA');
    expect(match('Кемеровская область')).toBe('RU-KEM');
  });

  it('resolves every region named in the 2023 survey analysis (seed 002)', () => {
    // Nominative forms as they stand in the text (lists of regions in parentheses and after colons).
    const nominative =
      /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ая область|ий край|ая Республика|ий АО|ая АО|ая автономная область)|Республика [А-ЯЁ][а-яё]+(?: Эл)?|г\.\s?(?:Москва|Санкт-Петербург|Севастополь)(?![а-яё])|ХМАО|ЯНАО|Республики Дагестан/g;
    const found = new Set([...analysis2023.matchAll(nominative)].map((m) => m[0]));
    expect(found.size).toBe(55);
    for (const written of ['г.\u00a0Москва', 'г. Москва', 'Ханты-Мансийский АО', 'ХМАО', 'Еврейская АО', 'Чукотский АО', 'Республики Дагестан']) {
      expect(found).toContain(written);
    }
    // Regions the text names only in other cases, put in the nominative by hand
    // ("в Республике Саха (Якутия)", "Ямало-Ненецкого АО", "Кузбасса", "Депсоцразвития Югры", …).
    const inflected = [
      'Амурская область',
      'Владимирская область',
      'Вологодская область',
      'Иркутская область',
      'Калининградская область',
      'Кемеровская область',
      'Кузбасс',
      'Курганская область',
      'Липецкая область',
      'Магаданская область',
      'Москва',
      'Московская область',
      'Мурманская область',
      'Ненецкий АО',
      'Новгородская область',
      'Омская область',
      'Оренбургская область',
      'Пензенская область',
      'Пермский край',
      'Республика Адыгея',
      'Республика Бурятия',
      'Республика Марий Эл',
      'Республика Саха (Якутия)',
      'Республика Северная Осетия – Алания',
      'Санкт-Петербург',
      'г. Санкт-Петербург',
      'Саратовская область',
      'Сахалинская область',
      'Смоленская область',
      'Тамбовская область',
      'Тульская область',
      'Тюменская область',
      'Удмуртская Республика',
      'Ханты-Мансийский автономный округ',
      'Югра',
      'Ямало-Ненецкий АО',
      'Ямало-Ненецкий автономный округ',
      'Севастополь',
      'Республика Дагестан',
    ];
    const unresolved = [...found, ...inflected].filter((n) => match(n) === null);
    expect(unresolved).toEqual([]);
    expect(match('Республики Дагестан')).toBe('RU-DA');
    expect(match('Еврейская АО')).toBe('RU-YEV');
    expect(match('Чукотский АО')).toBe('RU-CHU');
    expect(match('ЯНАО')).toBe('RU-YAN');
    expect(match('Кузбасс')).toBe('RU-KEM');
  });
});
