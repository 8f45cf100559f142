// The database of a command (import, window, coordinator, portal-token, dataset): the product's, as
// `npm start` opens it. On the embedded database, while the server (or another command) has the
// folder open, the command stops with a Russian message saying so (db/folderLock.ts) instead of
// writing beside it.
import { DatabaseInUseError } from '../src/db/folderLock.ts';
import { openProductDatabase } from '../src/snapshots.ts';

export async function openCommandDatabase(): ReturnType<typeof openProductDatabase> {
  try {
    return await openProductDatabase();
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}
