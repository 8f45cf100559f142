/** @jsxImportSource react */
// A filter by form of implementation: the forms come from the catalogue structure (practiceGroups),
// which is not a list resource.
import { useEffect, useState } from 'react';
import { SelectInput } from 'react-admin';
import { graphql } from '../graphql.ts';

interface Group {
  name: string;
  forms: { id: string; name: string; practiceCount: number }[];
}

export function PracticeFormInput(props: { source: string; label?: string; alwaysOn?: boolean }) {
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    graphql<{ practiceGroups: Group[] }>('query ConsolePracticeGroups { practiceGroups { name forms { id name practiceCount } } }')
      .then(({ practiceGroups }) => setChoices(practiceGroups.flatMap((group) => group.forms.map((form) => ({ id: form.id, name: `${form.name} (${form.practiceCount})` })))))
      .catch(() => setChoices([]));
  }, []);
  return <SelectInput {...props} choices={choices} isLoading={choices.length === 0} sx={{ minWidth: 260 }} />;
}
