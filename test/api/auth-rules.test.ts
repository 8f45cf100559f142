// Secure by default: every root field declares who may call it.
import { expect, it } from 'vitest';
import { schema } from '../../api/src/schema/index.ts';

it('every query and mutation field declares its auth scopes', () => {
  const missing: string[] = [];
  const declared: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type!.getFields())) {
      const options = field.extensions?.pothosOptions as { authScopes?: Record<string, boolean> } | undefined;
      if (!options?.authScopes || Object.keys(options.authScopes).length === 0) missing.push(`${type!.name}.${field.name}`);
      else declared.push(`${type!.name}.${field.name}`);
    }
  }
  expect(missing).toEqual([]);
  expect(declared.length).toBeGreaterThan(20);
});

it('respondent writes are open to respondents only', () => {
  const mutations = schema.getMutationType()!.getFields();
  for (const name of ['saveSection', 'submitResponse']) {
    expect(mutations[name]!.extensions?.pothosOptions).toMatchObject({ authScopes: { respondent: true } });
  }
});
