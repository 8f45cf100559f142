// /favicon.ico: the site's icon (a blue square with three white bars of a chart), which browsers and
// uptime checkers ask for on their own. An ICO file holding one 32×32 PNG, drawn here once at the
// first request (no binary file in the repository, no image library).
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 32;
const BLUE = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];

/** The three bars: [left, right) columns and the row where each starts (they end 6 px above the bottom). */
const BARS = [
  { from: 7, to: 12, top: 17 },
  { from: 14, to: 19, top: 11 },
  { from: 21, to: 26, top: 6 },
];

function pixel(x: number, y: number): number[] {
  // Rounded corners: the 2-pixel corners are transparent.
  const corner = (x < 2 || x >= SIZE - 2) && (y < 2 || y >= SIZE - 2);
  if (corner && (x === 0 || x === SIZE - 1) && (y === 0 || y === SIZE - 1)) return [0, 0, 0, 0];
  const bar = BARS.some((b) => x >= b.from && x < b.to && y >= b.top && y < SIZE - 6);
  return [...(bar ? WHITE : BLUE), 0xff];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows: number[] = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < SIZE; x++) rows.push(...pixel(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file with one PNG image (allowed since Windows Vista, read by every browser). */
export function faviconIco(): Buffer {
  const image = png();
  const directory = Buffer.alloc(6 + 16);
  directory.writeUInt16LE(0, 0); // reserved
  directory.writeUInt16LE(1, 2); // icon
  directory.writeUInt16LE(1, 4); // one image
  directory.writeUInt8(SIZE, 6);
  directory.writeUInt8(SIZE, 7);
  directory.writeUInt8(0, 8); // no palette
  directory.writeUInt8(0, 9);
  directory.writeUInt16LE(1, 10); // colour planes
  directory.writeUInt16LE(32, 12); // bits per pixel
  directory.writeUInt32LE(image.byteLength, 14);
  directory.writeUInt32LE(directory.byteLength, 18);
  return Buffer.concat([directory, image]);
}

let icon: { body: Buffer; etag: string } | null = null;

/** The icon, cached a day, with a validator. */
export function faviconResponse(request: Request): Response {
  if (!icon) {
    const body = faviconIco();
    icon = { body, etag: `"favicon-${crc32(body).toString(16)}"` };
  }
  const headers = { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400', etag: icon.etag };
  if (request.headers.get('if-none-match') === icon.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(icon.body), { headers: { ...headers, 'content-length': String(icon.body.byteLength) } });
}
