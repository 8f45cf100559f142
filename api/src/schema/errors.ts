// Typed errors of mutations: each domain error class (services/errors.ts) is a GraphQL type
// implementing `Error`. Fields list the ones they can end with in `errors: { types: [...] }`.
import { builder } from '../builder.ts';
import {
  ActionRefusedError,
  AlreadySubmittedError,
  ConflictError,
  DefinitionLockedError,
  type DomainError,
  IncompleteError,
  NotFoundError,
  SignInRefusedError,
  ValidationError,
  WindowClosedError,
} from '../services/errors.ts';
import type { FieldError } from '../survey/engine.ts';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'Why an operation changed nothing. `message` is for people (Russian); `code` for programs.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  description: 'A problem with one answer or one field of an input.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'e.g. "measures[2].type" or "price.2022".' }),
    questionCode: t.exposeString('questionCode', { nullable: true }),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorType], resolve: (error) => error.fieldErrors }) }),
});

builder.objectType(WindowClosedError, {
  name: 'WindowClosedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof WindowClosedError,
  fields: (t) => ({
    opensAt: t.field({ type: 'DateTime', resolve: (error) => error.opensAt }),
    closesAt: t.field({ type: 'DateTime', resolve: (error) => error.closesAt }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});

builder.objectType(AlreadySubmittedError, {
  name: 'AlreadySubmittedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AlreadySubmittedError,
  fields: () => ({}),
});

builder.objectType(IncompleteError, {
  name: 'IncompleteError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof IncompleteError,
  fields: (t) => ({ missingSections: t.exposeStringList('missingSections') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(ActionRefusedError, {
  name: 'ActionRefusedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ActionRefusedError,
  fields: (t) => ({ reason: t.exposeString('reason') }),
});

const DefinitionLockedReason = builder.enumType('DefinitionLockedReason', {
  values: {
    NOT_DRAFT: { description: 'The campaign is published or archived.' },
    HAS_RESPONSES: { description: 'People have answered it; answers refer to its codes.' },
  },
});

builder.objectType(DefinitionLockedError, {
  name: 'DefinitionLockedError',
  description: "The campaign's questionnaire can no longer change; `message` says why and what to do instead.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DefinitionLockedError,
  fields: (t) => ({
    reason: t.field({ type: DefinitionLockedReason, resolve: (error) => error.reason }),
    responses: t.exposeInt('responses'),
  }),
});

builder.objectType(SignInRefusedError, {
  name: 'SignInRefusedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SignInRefusedError,
  fields: () => ({}),
});

/** The errors every respondent write can end with. */
export const respondentWriteErrors = [ValidationError, WindowClosedError, ConflictError, AlreadySubmittedError, NotFoundError];
