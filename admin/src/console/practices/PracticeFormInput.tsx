/** @jsxImportSource react */
// The form of implementation: the forms come from the catalogue structure (practiceGroups), which is
// not a list resource. As a list filter it is a plain select with the number of practices; in the
// create/edit form it is an autocomplete grouped by the catalogue's groups.
import { useMemo } from 'react';
import { AutocompleteInput, SelectInput } from 'react-admin';
import { useConsoleQuery } from '../hooks.ts';

interface Choice {
  id: string;
  name: string;
  group: string;
}

/** The forms by group, read once for the filter and the form (the filter names each with its count). */
function useFormChoices(withCounts: boolean): Choice[] {
  const { data: groups } = useConsoleQuery(['practiceGroups'], (dataProvider) => dataProvider.practiceGroups());
  return useMemo(
    () =>
      (groups ?? []).flatMap((group) =>
        group.forms.map((form) => ({ id: form.id, name: withCounts ? `${form.name} (${form.practiceCount})` : form.name, group: group.name })),
      ),
    [groups, withCounts],
  );
}

export function PracticeFormInput(props: { source: string; label?: string; alwaysOn?: boolean; variant?: 'filter' | 'form'; helperText?: string }) {
  const { variant = 'filter', ...inputProps } = props;
  const choices = useFormChoices(variant === 'filter');
  if (variant === 'form') {
    return (
      <AutocompleteInput {...inputProps} choices={choices} isLoading={choices.length === 0} groupBy={(choice: Choice) => choice.group} fullWidth />
    );
  }
  return <SelectInput {...inputProps} choices={choices} isLoading={choices.length === 0} sx={{ minWidth: 260 }} />;
}
