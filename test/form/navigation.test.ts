// Which screen the form shows: the section in the address, the thank-you page once sent, the tab's title.
import { describe, expect, it } from 'vitest';
import { initialCompletion } from '../../admin/src/form/lib/model.ts';
import { canOpen, firstScreen, isLastSection, pageTitle, screenFromHash, THANKS } from '../../admin/src/form/lib/navigation.ts';
import { responseOf } from '../../admin/src/form/lib/response.ts';
import { campaign2021, sectionOf } from './definitions.ts';

const draft = responseOf(null, campaign2021);
const sent = { ...draft, status: 'SUBMITTED' as const, completion: { ...initialCompletion(campaign2021), percent: 100, complete: true } };

describe('the address', () => {
  it('names a screen as #/<code>', () => {
    expect(screenFromHash('#/measures')).toBe('measures');
    expect(screenFromHash('#/thanks')).toBe(THANKS);
    expect(screenFromHash('#main')).toBeNull();
    expect(screenFromHash('#/a/b')).toBeNull();
    expect(screenFromHash('')).toBeNull();
  });
});

describe('the first screen', () => {
  it('is the section in the address, else the first open one', () => {
    expect(firstScreen(campaign2021, draft, 'measures')).toBe('measures');
    expect(firstScreen(campaign2021, draft, null)).toBe('authority');
    expect(firstScreen(campaign2021, draft, THANKS)).toBe('authority');
  });

  it('thanks the person for a sent questionnaire, unless the address names a section', () => {
    expect(firstScreen(campaign2021, sent, null)).toBe(THANKS);
    expect(firstScreen(campaign2021, sent, THANKS)).toBe(THANKS);
    expect(firstScreen(campaign2021, sent, 'measures')).toBe('measures');
  });
});

describe('opening a screen', () => {
  it('opens the sections of the campaign, and the thank-you page only once sent', () => {
    expect(canOpen(campaign2021, 'DRAFT', 'situation')).toBe(true);
    expect(canOpen(campaign2021, 'DRAFT', 'nonsense')).toBe(false);
    expect(canOpen(campaign2021, 'DRAFT', THANKS)).toBe(false);
    expect(canOpen(campaign2021, undefined, THANKS)).toBe(false);
    expect(canOpen(campaign2021, 'SUBMITTED', THANKS)).toBe(true);
  });

  it('titles the tab with the screen and the campaign', () => {
    const authority = sectionOf(campaign2021, 'authority');
    expect(pageTitle(campaign2021, 'authority', authority)).toBe(`Сведения об органе власти — ${campaign2021.title}`);
    expect(pageTitle(campaign2021, THANKS, null)).toBe(`Анкета отправлена — ${campaign2021.title}`);
    expect(pageTitle(campaign2021, '', null)).toBe(campaign2021.title);
  });

  it('knows the last section, where the questionnaire is sent', () => {
    expect(isLastSection(campaign2021, sectionOf(campaign2021, 'development'))).toBe(true);
    expect(isLastSection(campaign2021, sectionOf(campaign2021, 'measures'))).toBe(false);
  });
});
