// Reads of the measures screens that are not ra-data-graphql lists: the type taxonomy (for the
// filters) and the summary by type group, type and region.
import { useEffect, useState } from 'react';
import { graphql } from '../graphql.ts';

export interface TaxonomyGroup {
  id: string;
  name: string;
  types: { id: string; name: string }[];
}

export async function loadTaxonomy(): Promise<TaxonomyGroup[]> {
  const { groups } = await graphql<{ groups: TaxonomyGroup[] }>(
    `query ConsoleMeasureTaxonomy { groups: measureTypeGroups { id name types { id name } } }`,
  );
  return groups;
}

/** The taxonomy, loaded once per screen; undefined while loading. */
export function useTaxonomy(): TaxonomyGroup[] | undefined {
  const [groups, setGroups] = useState<TaxonomyGroup[]>();
  useEffect(() => {
    loadTaxonomy()
      .then(setGroups)
      .catch(() => setGroups([]));
  }, []);
  return groups;
}

export interface CountRow {
  count: number;
  share: number;
}

export interface MeasureSummary {
  total: number;
  untyped: number;
  submittedOnly: boolean;
  groups: (CountRow & { groupId: string; name: string; types: (CountRow & { typeId: string; name: string })[] })[];
  regions: (CountRow & { regionId: string; code: string; name: string; authorities: number; responses: number })[];
}

export async function loadMeasureSummary(campaignCode: string, submittedOnly: boolean): Promise<{ data?: MeasureSummary; message?: string }> {
  const { result } = await graphql<{ result: any }>(
    `query ConsoleMeasureSummary($campaignCode: String!, $submittedOnly: Boolean) {
      result: measureSummary(campaignCode: $campaignCode, submittedOnly: $submittedOnly) {
        __typename
        ... on QueryMeasureSummarySuccess { data { total untyped submittedOnly
          groups { groupId name count share types { typeId name count share } }
          regions { regionId code name count share authorities responses } } }
        ... on Error { message }
      }
    }`,
    { campaignCode, submittedOnly },
  );
  if (String(result.__typename).endsWith('Success')) return { data: result.data };
  return { message: result.message ?? 'Не удалось получить сводку.' };
}
