// Coordinators sign in with e-mail and password (signIn sets the HttpOnly session cookie); the
// console trusts only `viewer`, and only the COORDINATOR role. The calls go through the data
// provider's own methods (not its useDataProvider wrapper, which would ask this provider again).
import type { AuthProvider } from 'react-admin';
import { dataProvider } from './dataProvider.ts';
import type { Viewer } from './operations.ts';

async function coordinator(): Promise<Viewer> {
  const { data: viewer } = await dataProvider.viewer();
  if (!viewer) throw new Error('ra.auth.auth_check_error');
  if (viewer.role !== 'COORDINATOR') throw new Error('Консоль доступна только координаторам.');
  return viewer;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const outcome = await dataProvider.signIn({ email: username.trim(), password });
    if (!outcome.ok) throw new Error(outcome.message);
    await coordinator();
  },
  async logout() {
    try {
      await dataProvider.signOut();
    } catch {
      // Already signed out: nothing to end.
    }
  },
  async checkAuth() {
    await coordinator();
  },
  /** An ended session (401, see consoleError) or a refused role signs out. */
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
