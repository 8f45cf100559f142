// What the menu and the section say about completion, and where to go after a save.
import type { Campaign, Completion, Section, SectionCompletion } from './types.ts';

export function sectionState(completion: Completion, code: string): SectionCompletion {
  return completion.sections.find((entry) => entry.code === code) ?? { code, percent: 0, unlocked: false, complete: false };
}

/** «Раздел откроется после полного заполнения разделов 1–3: «…», «…».» (short: without the titles) */
export function lockedNote(campaign: Campaign, section: Section, short = false): string {
  const numbers = section.unlockAfter.map((code) => campaign.sections.findIndex((other) => other.code === code) + 1).filter((n) => n > 0);
  const sections = `${numbers.length === 1 ? 'раздела' : 'разделов'} ${numberList(numbers)}`;
  if (short) return `Откроется после полного заполнения ${sections}`;
  const titles = section.unlockAfter.map((code) => campaign.sections.find((other) => other.code === code)?.title ?? code);
  return `Раздел откроется после полного заполнения ${sections}: ${titles.map((title) => `«${title}»`).join(', ')}.`;
}

/** 1, 2, 3 → «1–3»; 1, 3 → «1 и 3»; 1, 2, 4 → «1, 2 и 4». */
export function numberList(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
  if (consecutive) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} и ${sorted[sorted.length - 1]}`;
}

/**
 * The section to open after saving `current`: the last section (where the questionnaire is sent)
 * once everything is complete; otherwise the next unlocked section, else the first unlocked
 * incomplete one, else `current` itself.
 */
export function nextSectionAfterSave(campaign: Campaign, completion: Completion, current: string): string {
  const codes = campaign.sections.map((section) => section.code);
  if (completion.complete) return codes[codes.length - 1]!;
  const index = codes.indexOf(current);
  const after = codes.slice(index + 1).find((code) => sectionState(completion, code).unlocked);
  if (after) return after;
  const incomplete = codes.find((code) => code !== current && sectionState(completion, code).unlocked && !sectionState(completion, code).complete);
  return incomplete ?? current;
}

/** The section to show first: the one in the address if it is open, else the first open one. */
export function initialSection(campaign: Campaign, completion: Completion, requested: string | null): string {
  if (requested && campaign.sections.some((section) => section.code === requested)) return requested;
  return campaign.sections.find((section) => sectionState(completion, section.code).unlocked)?.code ?? campaign.sections[0]!.code;
}
