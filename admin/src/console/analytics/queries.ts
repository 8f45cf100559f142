// The analytics page's one read: campaignAnalytics (submitted questionnaires only).
import { graphql } from '../graphql.ts';

export interface OptionShare {
  code: string;
  label: string;
  count: number;
  share: number;
}

export interface NumberStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  median: number;
}

export interface YearFigures {
  year: number;
  answered: number;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
}

export interface QuestionFigures {
  code: string;
  sectionCode: string;
  number: string | null;
  label: string;
  type: string;
  cellType: string | null;
  answered: number;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
  years: YearFigures[] | null;
}

export interface RatioYear {
  year: number;
  count: number;
  skipped: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  aggregate: number | null;
}

export interface RatioFigures {
  code: string;
  label: string;
  unit: string | null;
  years: RatioYear[];
}

export interface CampaignAnalytics {
  campaignCode: string;
  title: string;
  respondentsCount: number;
  sections: { code: string; title: string }[];
  questions: QuestionFigures[];
  ratios: RatioFigures[];
  nonParticipatingRegions: { id: string; code: string; name: string }[];
}

const OPTION = 'code label count share';
const NUMBERS = 'count mean min max median';

export async function loadAnalytics(campaignCode: string): Promise<CampaignAnalytics | null> {
  const { campaignAnalytics } = await graphql<{ campaignAnalytics: CampaignAnalytics | null }>(
    `query ConsoleAnalytics($campaignCode: String!) {
      campaignAnalytics(campaignCode: $campaignCode) {
        campaignCode title respondentsCount
        sections { code title }
        questions {
          code sectionCode number label type cellType answered
          options { ${OPTION} } numbers { ${NUMBERS} }
          years { year answered options { ${OPTION} } numbers { ${NUMBERS} } }
        }
        ratios { code label unit years { year count skipped mean min max median aggregate } }
        nonParticipatingRegions { id code name }
      }
    }`,
    { campaignCode },
  );
  return campaignAnalytics;
}
