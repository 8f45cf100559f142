import { builder } from '../builder.ts';

builder.prismaObject('Section', {
  description: 'A section of a questionnaire.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    position: t.exposeInt('position'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    unlockAfter: t.exposeStringList('unlockAfter', { description: 'Codes of the sections that must be complete before this one opens.' }),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
  }),
});
