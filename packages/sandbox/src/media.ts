// Placeholder media made on the spot: a solid-colour PNG and a minimal MP4 (ftyp + moov/mvhd
// with the video's duration + mdat filler). Nothing is fetched from anywhere.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { constants, crc32, deflate } from "node:zlib";

const deflateAsync = promisify(deflate);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes of `mdat` filler per second of video, so downloads are big enough to resume. */
const MP4_BYTES_PER_SECOND = 16 * 1024;

export function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** A `width`×`height` RGB PNG filled with the colour of the first three bytes of `seed`. */
export async function png(width: number, height: number, seed: Buffer): Promise<Buffer> {
  // Filter `Sub` on the first row and `Up` on the others make every byte after the first pixel
  // zero, so even a 4096×4096 image deflates to a few kilobytes; run-length encoding does it about
  // ten times faster than the default strategy, and as small.
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  raw[0] = 1;
  seed.copy(raw, 1, 0, 3);
  for (let row = 1; row < height; row++) raw[row * stride] = 2;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", header),
    pngChunk("IDAT", await deflateAsync(raw, { strategy: constants.Z_RLE })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const chunk = Buffer.alloc(4 + typeAndData.length + 4);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return chunk;
}

/** An MP4 whose movie header declares `durationSeconds`, padded with `seed`-derived bytes. */
export function mp4(durationSeconds: number, seed: Buffer): Buffer {
  const ftyp = box("ftyp", Buffer.from("isom\0\0\x02\0isomiso2mp41", "latin1"));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale: milliseconds
  mvhd.writeUInt32BE(durationSeconds * 1000, 16);
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((value, i) => {
    mvhd.writeUInt32BE(value, 36 + i * 4); // identity matrix
  });
  mvhd.writeUInt32BE(1, 96); // next track id
  const filler = Buffer.alloc(durationSeconds * MP4_BYTES_PER_SECOND);
  for (let i = 0; i < filler.length; i += seed.length) seed.copy(filler, i);
  return Buffer.concat([ftyp, box("moov", box("mvhd", mvhd)), box("mdat", filler)]);
}

function box(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, payload]);
}
