// The 89 subjects of the Russian Federation, in the order of art. 65 of the Constitution: republics,
// krais, oblasts, cities of federal significance, the autonomous oblast, autonomous okrugs.
//
// Codes are ISO 3166-2:RU; ISO does not list Crimea, Sevastopol, the Donetsk and Luhansk People's
// Republics, Zaporozhye and Kherson oblasts, which get RU-CR, RU-SEV, RU-DPR, RU-LPR, RU-ZAP, RU-KHE.
// Federal districts are the current assignment (Buryatia and Zabaykalsky Krai in the Far Eastern
// district since 2018; the four subjects admitted in 2022 in the Southern district).
//
// `name` is the official short name. `aliases` hold the other forms documents use, at least every form
// under which a region appears in seeds 002 and 003 (matching is case-insensitive and tolerant of
// spacing, quotes, dashes, "г." and word order — see regionLookup.ts — but the exact written forms are
// kept too, so an exact lookup by alias also finds them).
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
  // Republics
  { code: 'RU-AD', name: 'Республика Адыгея', federalDistrict: 'SOUTHERN', aliases: ['Адыгея', 'Республика Адыгея (Адыгея)'] },
  { code: 'RU-AL', name: 'Республика Алтай', federalDistrict: 'SIBERIAN', aliases: ['Горный Алтай'] },
  { code: 'RU-BA', name: 'Республика Башкортостан', federalDistrict: 'VOLGA', aliases: ['Башкортостан', 'Башкирия'] },
  { code: 'RU-BU', name: 'Республика Бурятия', federalDistrict: 'FAR_EASTERN', aliases: ['Бурятия'] },
  { code: 'RU-DA', name: 'Республика Дагестан', federalDistrict: 'NORTH_CAUCASIAN', aliases: ['Дагестан'] },
  { code: 'RU-DPR', name: 'Донецкая Народная Республика', federalDistrict: 'SOUTHERN', aliases: ['ДНР'] },
  { code: 'RU-IN', name: 'Республика Ингушетия', federalDistrict: 'NORTH_CAUCASIAN', aliases: ['Ингушетия'] },
  {
    code: 'RU-KB',
    name: 'Кабардино-Балкарская Республика',
    federalDistrict: 'NORTH_CAUCASIAN',
    aliases: ['Кабардино-Балкарская республика', 'Кабардино-Балкария', 'КБР'],
  },
  { code: 'RU-KL', name: 'Республика Калмыкия', federalDistrict: 'SOUTHERN', aliases: ['Калмыкия'] },
  {
    code: 'RU-KC',
    name: 'Карачаево-Черкесская Республика',
    federalDistrict: 'NORTH_CAUCASIAN',
    aliases: ['Карачаево-Черкесская республика', 'Карачаево-Черкесия', 'КЧР'],
  },
  { code: 'RU-KR', name: 'Республика Карелия', federalDistrict: 'NORTHWESTERN', aliases: ['Карелия'] },
  { code: 'RU-KO', name: 'Республика Коми', federalDistrict: 'NORTHWESTERN', aliases: ['Коми'] },
  { code: 'RU-CR', name: 'Республика Крым', federalDistrict: 'SOUTHERN', aliases: ['Крым'] },
  { code: 'RU-LPR', name: 'Луганская Народная Республика', federalDistrict: 'SOUTHERN', aliases: ['ЛНР'] },
  { code: 'RU-ME', name: 'Республика Марий Эл', federalDistrict: 'VOLGA', aliases: ['Марий Эл'] },
  { code: 'RU-MO', name: 'Республика Мордовия', federalDistrict: 'VOLGA', aliases: ['Мордовия'] },
  {
    code: 'RU-SA',
    name: 'Республика Саха (Якутия)',
    federalDistrict: 'FAR_EASTERN',
    aliases: ['Якутия', 'Республика Саха', 'Республика Якутия', 'Саха (Якутия)', 'Республика Саха-Якутия'],
  },
  {
    code: 'RU-SE',
    name: 'Республика Северная Осетия — Алания',
    federalDistrict: 'NORTH_CAUCASIAN',
    aliases: ['Республика Северная Осетия – Алания', 'Северная Осетия — Алания', 'Республика Северная Осетия', 'Северная Осетия', 'РСО — Алания'],
  },
  {
    code: 'RU-TA',
    name: 'Республика Татарстан',
    federalDistrict: 'VOLGA',
    aliases: ['Татарстан', 'Республика Татарстан (Татарстан)', 'Татария'],
  },
  { code: 'RU-TY', name: 'Республика Тыва', federalDistrict: 'SIBERIAN', aliases: ['Тыва', 'Тува', 'Республика Тува'] },
  { code: 'RU-UD', name: 'Удмуртская Республика', federalDistrict: 'VOLGA', aliases: ['Удмуртская республика', 'Удмуртия'] },
  { code: 'RU-KK', name: 'Республика Хакасия', federalDistrict: 'SIBERIAN', aliases: ['Хакасия'] },
  { code: 'RU-CE', name: 'Чеченская Республика', federalDistrict: 'NORTH_CAUCASIAN', aliases: ['Чеченская республика', 'Чечня'] },
  {
    code: 'RU-CU',
    name: 'Чувашская Республика',
    federalDistrict: 'VOLGA',
    aliases: ['Чувашская республика', 'Чувашская Республика — Чувашия', 'Чувашия'],
  },

  // Krais
  { code: 'RU-ALT', name: 'Алтайский край', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-ZAB', name: 'Забайкальский край', federalDistrict: 'FAR_EASTERN', aliases: ['Забайкалье'] },
  { code: 'RU-KAM', name: 'Камчатский край', federalDistrict: 'FAR_EASTERN', aliases: ['Камчатка'] },
  { code: 'RU-KDA', name: 'Краснодарский край', federalDistrict: 'SOUTHERN', aliases: ['Кубань'] },
  { code: 'RU-KYA', name: 'Красноярский край', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-PER', name: 'Пермский край', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-PRI', name: 'Приморский край', federalDistrict: 'FAR_EASTERN', aliases: ['Приморье'] },
  { code: 'RU-STA', name: 'Ставропольский край', federalDistrict: 'NORTH_CAUCASIAN', aliases: ['Ставрополье'] },
  { code: 'RU-KHA', name: 'Хабаровский край', federalDistrict: 'FAR_EASTERN', aliases: [] },

  // Oblasts
  { code: 'RU-AMU', name: 'Амурская область', federalDistrict: 'FAR_EASTERN', aliases: [] },
  { code: 'RU-ARK', name: 'Архангельская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-AST', name: 'Астраханская область', federalDistrict: 'SOUTHERN', aliases: [] },
  { code: 'RU-BEL', name: 'Белгородская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-BRY', name: 'Брянская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-VLA', name: 'Владимирская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-VGG', name: 'Волгоградская область', federalDistrict: 'SOUTHERN', aliases: [] },
  { code: 'RU-VLG', name: 'Вологодская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-VOR', name: 'Воронежская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-ZAP', name: 'Запорожская область', federalDistrict: 'SOUTHERN', aliases: [] },
  { code: 'RU-IVA', name: 'Ивановская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-IRK', name: 'Иркутская область', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-KGD', name: 'Калининградская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-KLU', name: 'Калужская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-KEM', name: 'Кемеровская область — Кузбасс', federalDistrict: 'SIBERIAN', aliases: ['Кемеровская область', 'Кузбасс'] },
  { code: 'RU-KIR', name: 'Кировская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-KOS', name: 'Костромская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-KGN', name: 'Курганская область', federalDistrict: 'URAL', aliases: [] },
  { code: 'RU-KRS', name: 'Курская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-LEN', name: 'Ленинградская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-LIP', name: 'Липецкая область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-MAG', name: 'Магаданская область', federalDistrict: 'FAR_EASTERN', aliases: [] },
  { code: 'RU-MOS', name: 'Московская область', federalDistrict: 'CENTRAL', aliases: ['Подмосковье'] },
  { code: 'RU-MUR', name: 'Мурманская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-NIZ', name: 'Нижегородская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-NGR', name: 'Новгородская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-NVS', name: 'Новосибирская область', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-OMS', name: 'Омская область', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-ORE', name: 'Оренбургская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-ORL', name: 'Орловская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-PNZ', name: 'Пензенская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-PSK', name: 'Псковская область', federalDistrict: 'NORTHWESTERN', aliases: [] },
  { code: 'RU-ROS', name: 'Ростовская область', federalDistrict: 'SOUTHERN', aliases: [] },
  { code: 'RU-RYA', name: 'Рязанская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-SAM', name: 'Самарская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-SAR', name: 'Саратовская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-SAK', name: 'Сахалинская область', federalDistrict: 'FAR_EASTERN', aliases: [] },
  { code: 'RU-SVE', name: 'Свердловская область', federalDistrict: 'URAL', aliases: [] },
  { code: 'RU-SMO', name: 'Смоленская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-TAM', name: 'Тамбовская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-TVE', name: 'Тверская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-TOM', name: 'Томская область', federalDistrict: 'SIBERIAN', aliases: [] },
  { code: 'RU-TUL', name: 'Тульская область', federalDistrict: 'CENTRAL', aliases: [] },
  { code: 'RU-TYU', name: 'Тюменская область', federalDistrict: 'URAL', aliases: [] },
  { code: 'RU-ULY', name: 'Ульяновская область', federalDistrict: 'VOLGA', aliases: [] },
  { code: 'RU-KHE', name: 'Херсонская область', federalDistrict: 'SOUTHERN', aliases: [] },
  { code: 'RU-CHE', name: 'Челябинская область', federalDistrict: 'URAL', aliases: [] },
  { code: 'RU-YAR', name: 'Ярославская область', federalDistrict: 'CENTRAL', aliases: [] },

  // Cities of federal significance
  { code: 'RU-MOW', name: 'Москва', federalDistrict: 'CENTRAL', aliases: ['г. Москва', 'город Москва'] },
  { code: 'RU-SPE', name: 'Санкт-Петербург', federalDistrict: 'NORTHWESTERN', aliases: ['г. Санкт-Петербург', 'город Санкт-Петербург', 'Петербург'] },
  { code: 'RU-SEV', name: 'Севастополь', federalDistrict: 'SOUTHERN', aliases: ['г. Севастополь', 'город Севастополь'] },

  // Autonomous oblast
  { code: 'RU-YEV', name: 'Еврейская автономная область', federalDistrict: 'FAR_EASTERN', aliases: ['Еврейская АО', 'ЕАО'] },

  // Autonomous okrugs
  { code: 'RU-NEN', name: 'Ненецкий автономный округ', federalDistrict: 'NORTHWESTERN', aliases: ['Ненецкий АО', 'НАО'] },
  {
    code: 'RU-KHM',
    name: 'Ханты-Мансийский автономный округ — Югра',
    federalDistrict: 'URAL',
    aliases: ['Ханты-Мансийский автономный округ', 'Ханты-Мансийский АО', 'Ханты-Мансийский АО — Югра', 'ХМАО', 'ХМАО — Югра', 'Югра'],
  },
  { code: 'RU-CHU', name: 'Чукотский автономный округ', federalDistrict: 'FAR_EASTERN', aliases: ['Чукотский АО', 'Чукотка'] },
  { code: 'RU-YAN', name: 'Ямало-Ненецкий автономный округ', federalDistrict: 'URAL', aliases: ['Ямало-Ненецкий АО', 'ЯНАО'] },
];
