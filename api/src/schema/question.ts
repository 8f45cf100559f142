import { builder } from '../builder.ts';

export const QuestionType = builder.enumType('QuestionType', {
  values: ['TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'REGION', 'NUMBER', 'YEAR_MATRIX', 'BOOLEAN', 'GROUP', 'MEASURES'] as const,
});

builder.prismaObject('Question', {
  description: 'A question; `settings` holds its type-specific part of the survey definition (bounds, unit, years, cell, item fields).',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Stable across years.' }),
    number: t.exposeString('number', { nullable: true }),
    position: t.exposeInt('position'),
    type: t.expose('type', { type: QuestionType }),
    label: t.exposeString('label'),
    help: t.exposeString('help', { nullable: true }),
    lead: t.exposeString('lead', { nullable: true }),
    required: t.exposeBoolean('required'),
    settings: t.expose('settings', { type: 'JSON' }),
    options: t.relation('options', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.prismaObject('QuestionOption', {
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Stable across years.' }),
    label: t.exposeString('label'),
    help: t.exposeString('help', { nullable: true }),
    position: t.exposeInt('position'),
  }),
});
