// GET /admin/export/<campaign>.xlsx|.csv: a coordinator's download of a campaign's answers, streamed
// (the export writes into a PassThrough whose readable side is the response body).
import { PassThrough, Readable } from 'node:stream';
import type { Db } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import { sessionFromRequest, type Auth } from '../auth/sessions.ts';
import { campaignByCode } from '../services/campaigns.ts';
import { writeCsv, writeWorkbook } from '../services/export.ts';
import { NotFoundError } from '../services/errors.ts';

export const EXPORT_PATH = /^\/admin\/export\/([a-z0-9-]{1,64})\.(xlsx|csv)$/;

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function exportDownload(prisma: Db, auth: Auth, request: Request, campaignCode: string, format: 'xlsx' | 'csv'): Promise<Response> {
  const resolved = await sessionFromRequest(auth, request);
  if (!resolved) return plain('Войдите в систему как координатор.', 401);
  if (resolved.user.role !== 'COORDINATOR') return plain('Недостаточно прав для этого действия.', 403);
  let campaign: Campaign;
  try {
    campaign = await campaignByCode(prisma, campaignCode);
  } catch (error) {
    if (error instanceof NotFoundError) return plain(error.message, 404);
    throw error;
  }
  const body = new PassThrough();
  const write = format === 'xlsx' ? writeWorkbook(prisma, campaign, body) : writeCsv(prisma, campaign, body);
  // Headers are gone once streaming starts: a failure can only cut the download short.
  write.catch((error: Error) => {
    console.error(`export ${campaignCode}.${format}: ${error.message}`);
    body.destroy(error);
  });
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${campaign.code}.${format}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (resolved.refreshedCookie) headers['set-cookie'] = resolved.refreshedCookie;
  return new Response(Readable.toWeb(body) as ReadableStream, { headers });
}
