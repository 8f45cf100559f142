// Coordinators sign in with e-mail and password (signIn sets the HttpOnly session cookie); the
// console trusts only `viewer`, and only the COORDINATOR role.
import type { AuthProvider } from 'react-admin';
import { graphql } from './graphql.ts';

interface Viewer {
  id: string;
  email: string;
  role: 'COORDINATOR' | 'RESPONDENT';
}

async function coordinator(): Promise<Viewer> {
  const { viewer } = await graphql<{ viewer: Viewer | null }>('query ConsoleViewer { viewer { id email role } }');
  if (!viewer) throw new Error('ra.auth.auth_check_error');
  if (viewer.role !== 'COORDINATOR') throw new Error('Консоль доступна только координаторам.');
  return viewer;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { signIn } = await graphql<{ signIn: { __typename: string; message?: string } }>(
      `mutation ConsoleSignIn($input: SignInInput!) {
        signIn(input: $input) { __typename ... on MutationSignInSuccess { data } ... on Error { message } }
      }`,
      { input: { email: username.trim(), password } },
    );
    if (signIn.__typename !== 'MutationSignInSuccess') throw new Error(signIn.message ?? 'Не удалось войти.');
    await coordinator();
  },
  async logout() {
    try {
      await graphql<{ signOut: boolean }>('mutation ConsoleSignOut { signOut }');
    } catch {
      // Already signed out: nothing to end.
    }
  },
  async checkAuth() {
    await coordinator();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401 || error?.status === 403) throw new Error('ra.auth.auth_check_error');
  },
  async getIdentity() {
    const viewer = await coordinator();
    return { id: viewer.id, fullName: viewer.email };
  },
  async getPermissions() {
    return 'COORDINATOR';
  },
};
