// Coordinators sign in with e-mail and password; the session cookie is set on the response.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { signInCoordinator } from '../services/coordinators.ts';
import { SignInRefusedError } from '../services/errors.ts';
import { signOut as endSession } from '../services/signIn.ts';

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.boolean({
    description: "A coordinator's sign-in; sets the session cookie.",
    authScopes: { public: true },
    errors: { types: [SignInRefusedError] },
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.password.length > 200) throw new SignInRefusedError('Неверный адрес электронной почты или пароль.');
      const cookie = await signInCoordinator(context.prisma, context.auth, { ...input, origin: context.origin });
      context.responseCookies.push(cookie.serialize());
      return true;
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: 'Ends the current session (coordinators and respondents).',
    authScopes: { respondent: true, coordinator: true },
    resolve: async (_root, _args, context) => {
      const blank = await endSession(context.prisma, context.auth, context.sessionId!, signedIn(context).id, context.origin);
      context.responseCookies.push(blank.serialize());
      return true;
    },
  }),
);
