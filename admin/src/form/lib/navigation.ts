// Which screen the form shows: a section, named in the address as #/<code>, or the thank-you page
// once the questionnaire is sent.
import { initialSection } from './completion.ts';
import type { Campaign, ResponseState, Section } from './types.ts';

/** The thank-you page's code in the address (#/thanks). */
export const THANKS = 'thanks';

/** The screen the address names: '#/measures' → 'measures'; anything else → null. */
export function screenFromHash(hash: string): string | null {
  return /^#\/([A-Za-z0-9_-]+)$/.exec(hash)?.[1] ?? null;
}

/** The screen the page opens with: a sent questionnaire thanks the person unless the address names a section. */
export function firstScreen(campaign: Campaign, response: ResponseState, requested: string | null): string {
  return response.status === 'SUBMITTED' && (!requested || requested === THANKS) ? THANKS : initialSection(campaign, response.completion, requested);
}

/** Whether a screen exists: a section of the campaign, or the thank-you page once the questionnaire is sent. */
export function canOpen(campaign: Campaign, status: ResponseState['status'] | undefined, code: string): boolean {
  return code === THANKS ? status === 'SUBMITTED' : campaign.sections.some((section) => section.code === code);
}

/** The browser tab's title: «<section> — <campaign>», «Анкета отправлена — <campaign>». */
export function pageTitle(campaign: Campaign, current: string, section: Section | null): string {
  const title = current === THANKS ? 'Анкета отправлена' : section?.title;
  return title ? `${title} — ${campaign.title}` : campaign.title;
}

/** Whether the section is the last one, where the questionnaire is sent. */
export function isLastSection(campaign: Campaign, section: Section): boolean {
  return campaign.sections[campaign.sections.length - 1]?.code === section.code;
}
