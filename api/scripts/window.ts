// npm run window -- <campaign code> [--opens <ISO date>] [--closes <ISO date>] [--open-now] [--close-now]
// Moves a campaign's survey window (the console will do the same, with an audit trail).
import { parseArgs } from 'node:util';
import { openCommandDatabase } from './commandDatabase.ts';
import { setCampaignWindow } from '../src/services/campaigns.ts';
import { windowState } from '../src/survey/window.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { opens: { type: 'string' }, closes: { type: 'string' }, 'open-now': { type: 'boolean' }, 'close-now': { type: 'boolean' } },
});
const code = positionals[0];
const parse = (text: string | undefined) => {
  if (!text) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${text} (use ISO 8601, e.g. 2026-12-01T00:00:00+03:00)`);
  return date;
};
if (!code) {
  console.error('Usage: npm run window -- <campaign code> [--opens <date>] [--closes <date>] [--open-now] [--close-now]');
  process.exit(2);
}

const { db } = await openCommandDatabase();
try {
  const now = new Date();
  const campaign = await setCampaignWindow(db.prisma, code, {
    opensAt: values['open-now'] ? now : parse(values.opens),
    closesAt: values['close-now'] ? now : parse(values.closes),
  });
  console.log(`${campaign.code}: ${campaign.opensAt.toISOString()} – ${campaign.closesAt.toISOString()}, ${windowState(campaign, new Date())}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
