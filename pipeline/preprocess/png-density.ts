import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG without its pHYs chunks (sharp writes one of its own; a second one makes readers warn). */
function withoutPhys(png: Buffer): Buffer {
  const parts: Buffer[] = [png.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= png.length) {
    const end = at + 12 + png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) !== 'pHYs') parts.push(png.subarray(at, end));
    at = end;
  }
  return Buffer.concat(parts);
}

/**
 * Stamp a resolution into a PNG as its only pHYs chunk, right after IHDR. sharp's withMetadata({density}) also
 * converts the image to 3-channel sRGB, which would undo the 1-channel grayscale output.
 */
export function stampPngDensity(source: Buffer, dpi: number): Buffer {
  if (source.length < 33 || !source.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG: cannot stamp density');
  const png = withoutPhys(source);
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  const ppm = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(ppm, 8);
  chunk.writeUInt32BE(ppm, 12);
  chunk.writeUInt8(1, 16); // unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}
