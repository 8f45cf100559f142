import { builder } from '../builder.ts';
import type { Viewer as ViewerShape } from '../context.ts';

export const Role = builder.enumType('Role', { values: ['RESPONDENT', 'COORDINATOR'] as const });

const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'Who is signed in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: Role }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The signed-in person, or null.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => context.viewer,
  }),
);
