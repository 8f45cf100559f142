// Russian plural forms by the language's own rules (Intl.PluralRules), for every text the product
// composes: the server's messages, the respondent form and the coordinators' console.

const rules = new Intl.PluralRules('ru');

/** The word's forms for 1, 2–4 (also fractions: «1,5 дня») and 5: ['день', 'дня', 'дней']. */
export type PluralForms = readonly [one: string, few: string, many: string];

/** plural(21, ['день', 'дня', 'дней']) → 'день'; plural(12, …) → 'дней'. */
export function plural(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'many':
      return forms[2];
    default: // 'few', and 'other' (fractions)
      return forms[1];
  }
}

/** countOf(3, ['раздел', 'раздела', 'разделов']) → '3 раздела'. */
export function countOf(n: number, forms: PluralForms): string {
  return `${n} ${plural(n, forms)}`;
}
