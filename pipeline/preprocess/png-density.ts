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

/**
 * Stamp a resolution into a JPEG's JFIF header (units: dots per inch), adding the header when the encoder wrote none.
 * sharp only writes a density together with an sRGB conversion, which would triple a grayscale page.
 */
export function stampJpegDensity(jpeg: Buffer, dpi: number): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: cannot stamp density');
  const value = Math.max(1, Math.min(65535, Math.round(dpi)));
  const hasJfif = jpeg[2] === 0xff && jpeg[3] === 0xe0 && jpeg.toString('latin1', 6, 11) === 'JFIF\0';
  if (hasJfif) {
    const out = Buffer.from(jpeg);
    out[13] = 1;
    out.writeUInt16BE(value, 14);
    out.writeUInt16BE(value, 16);
    return out;
  }
  const app0 = Buffer.alloc(18);
  app0.writeUInt16BE(0xffe0, 0);
  app0.writeUInt16BE(16, 2);
  app0.write('JFIF\0', 4, 'latin1');
  app0[9] = 1; // version 1.01
  app0[10] = 1;
  app0[11] = 1; // units: dots per inch
  app0.writeUInt16BE(value, 12);
  app0.writeUInt16BE(value, 14);
  return Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(2)]);
}
