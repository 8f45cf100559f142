// Small pieces of Russian text the form composes.

/** 100000 → «100 000» (non-breaking space), 623.5 → «623,5». */
export function formatAmount(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${value < 0 ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** The hint under a number input: «Целое число от 0 до 100 000». */
export function numberHint(spec: { integer?: boolean; min?: number; max?: number }): string {
  const kind = spec.integer ? 'Целое число' : 'Число (дробную часть отделяйте запятой)';
  if (spec.min !== undefined && spec.max !== undefined) return `${kind} от ${formatAmount(spec.min)} до ${formatAmount(spec.max)}`;
  if (spec.min !== undefined) return `${kind} не меньше ${formatAmount(spec.min)}`;
  if (spec.max !== undefined) return `${kind} не больше ${formatAmount(spec.max)}`;
  return kind;
}

/** The rule of a repeatable list: «Не менее 5 и не более 7. Добавлено: 3.» */
export function itemsRule(minItems: number, maxItems: number, count: number): string {
  const limits = minItems > 0 ? `Не менее ${minItems} и не более ${maxItems}.` : `Не более ${maxItems}.`;
  return `${limits} Добавлено: ${count}.`;
}
