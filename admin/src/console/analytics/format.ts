// Numbers the Russian way: «45,5 %», «1 391,25».
import { plural } from '../../../../api/src/i18n/plural.ts';

const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

/** A share 0–1 as «66,7 %». */
export const formatShare = (share: number) => percent.format(share);

/** A count with its share: «2 (66,7 %)». */
export const countWithShare = (count: number, share: number) => `${decimal.format(count)} (${formatShare(share)})`;

export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? '—' : decimal.format(value));

export const questionnaires = (n: number) => `${decimal.format(n)} ${plural(n, ['анкета', 'анкеты', 'анкет'])}`;

export const regionsCount = (n: number) => `${decimal.format(n)} ${plural(n, ['регион', 'региона', 'регионов'])}`;
