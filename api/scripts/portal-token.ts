// npm run portal-token -- create --region <ISO code> --name <text> [--expires <date>] [--scopes <list>]
//                        | list | revoke <id> | rotate <id> [--overlap-hours N]
// Regional portals' API tokens (issue 11); the command itself is api/src/portalTokenCommand.ts.
import { runPortalTokenCommand } from '../src/portalTokenCommand.ts';
import { openCommandDatabase } from './commandDatabase.ts';

const { db } = await openCommandDatabase();
try {
  process.exitCode = await runPortalTokenCommand(db.prisma, process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
