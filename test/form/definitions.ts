// The shipped survey definitions as the API serves them (campaign(code){ sections { questions } }):
// the import keeps code, number, type, label, help, lead, required and options as columns and the
// rest of each question as `settings` (api/src/import/survey.ts); the type is the GraphQL enum.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toCampaign, type ApiCampaign, type ApiQuestion } from '../../admin/src/form/lib/model.ts';
import type { Campaign } from '../../admin/src/form/lib/types.ts';
import { questionTypes } from '../../api/src/import/survey.ts';

const ENUM: Record<string, string> = questionTypes;

export function apiCampaign(file: 'nok-2021.json' | 'nok-2023.json'): ApiCampaign {
  const definition = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../prisma/surveys', file), 'utf8'));
  return {
    code: definition.code,
    title: definition.title,
    intro: definition.intro ?? null,
    opensAt: definition.window.opensAt,
    closesAt: definition.window.closesAt,
    windowState: 'OPEN',
    submit: definition.submit,
    sections: definition.sections.map((section: any) => ({
      code: section.code,
      title: section.title,
      description: section.description ?? null,
      unlockAfter: section.unlockAfter ?? [],
      questions: section.questions.map((question: any): ApiQuestion => {
        const { code, number, type, label, help, required, lead, options, ...settings } = question;
        return { code, number, type: ENUM[type]!, label, help, lead, required: required ?? false, settings, options: options ?? [] };
      }),
    })),
  };
}

export const campaign2021: Campaign = toCampaign(apiCampaign('nok-2021.json'));
export const campaign2023: Campaign = toCampaign(apiCampaign('nok-2023.json'));

export function sectionOf(campaign: Campaign, code: string) {
  const section = campaign.sections.find((candidate) => candidate.code === code);
  if (!section) throw new Error(`no section ${code}`);
  return section;
}
export function questionOf(campaign: Campaign, code: string) {
  for (const section of campaign.sections) {
    const question = section.questions.find((candidate) => candidate.code === code);
    if (question) return question;
  }
  throw new Error(`no question ${code}`);
}
