/** @jsxImportSource react */
// Measures respondents listed, filtered by campaign, type group, type, region and status of the
// questionnaire; the summary (counts by group, type and region) is one click away.
import BarChartIcon from '@mui/icons-material/BarChart';
import { Link } from 'react-router-dom';
import { Button } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { campaignTitle } from '../campaigns/CampaignSelect.tsx';
import { useCampaignChoice, useConsoleQuery } from '../hooks.ts';
import { responseStatusLabels } from '../labels.ts';
import type { TaxonomyGroup } from '../operations.ts';
import type { MeasureRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

const excerpt = (text: string | null | undefined, length = 120) => (!text ? '—' : text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The types offered: those of the chosen group, else all, each named with its group. */
function TypeInput({ groups }: { groups: TaxonomyGroup[]; source: string; alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  const shown = filterValues.groupId ? groups.filter((group) => group.id === filterValues.groupId) : groups;
  const choices = shown.flatMap((group) => group.types.map((type) => ({ id: type.id, name: type.name })));
  return <SelectInput source="typeId" label="Тип меры" choices={choices} sx={{ minWidth: 260, maxWidth: 360 }} />;
}

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <Button component={Link} to="/measures/summary" startIcon={<BarChartIcon />} size="small">
        Сводка по типам и регионам
      </Button>
    </TopToolbar>
  );
}

/** The type taxonomy for the filters; without it the list still works, with no type choices. */
function useTaxonomy(): TaxonomyGroup[] | undefined {
  const { data, isError } = useConsoleQuery(['measureTypeGroups'], (dataProvider) => dataProvider.measureTypeGroups());
  return data ?? (isError ? [] : undefined);
}

export function MeasureList() {
  // Measures of every campaign may be listed: the console's campaign is the filter's first value, and
  // each row says its campaign.
  const { campaigns, campaignCode } = useCampaignChoice();
  const groups = useTaxonomy();
  if (!groups || !campaigns) return null;
  const filters = [
    <SelectInput
      key="campaignCode"
      source="campaignCode"
      choices={campaigns.map((campaign) => ({ id: campaign.code, name: campaignTitle(campaign) }))}
      alwaysOn
    />,
    <SelectInput
      key="groupId"
      source="groupId"
      label="Группа мер"
      choices={groups.map((group) => ({ id: group.id, name: group.name }))}
      alwaysOn
      sx={{ minWidth: 240, maxWidth: 360 }}
    />,
    <TypeInput key="typeId" source="typeId" groups={groups} alwaysOn />,
    <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput label="Субъект РФ" optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
    <BooleanInput key="submittedOnly" source="submittedOnly" label="Только отправленные анкеты" alwaysOn />,
    <TextInput key="q" source="q" label="Поиск по названию и описанию" />,
  ];
  return (
    <List
      sort={{ field: 'region', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ submittedOnly: true, ...(campaignCode ? { campaignCode } : {}) }}
      actions={<ListActions />}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<MeasureRecord>
          source="campaignCode"
          sortable={false}
          render={(record) => {
            const campaign = campaigns.find((candidate) => candidate.code === record.campaignCode);
            return campaign ? String(campaign.year) : record.campaignCode;
          }}
        />
        <TextField source="region.name" label="resources.Measure.fields.region" sortBy="region" emptyText="—" />
        <TextField source="authority.name" label="resources.Measure.fields.authority" sortable={false} emptyText="—" />
        <TextField source="type.group.name" label="resources.Measure.fields.group" sortable={false} emptyText="—" />
        <TextField source="type.name" label="resources.Measure.fields.type" sortBy="type" emptyText="—" />
        <FunctionField<MeasureRecord> source="title" sortable={false} render={(record) => excerpt(record.title)} />
        <NumberField source="year" options={{ useGrouping: false }} emptyText="—" />
        <LabelField source="responseStatus" sortable={false} labels={responseStatusLabels} />
        <DateField source="updatedAt" showTime locales="ru-RU" />
      </Datagrid>
    </List>
  );
}
