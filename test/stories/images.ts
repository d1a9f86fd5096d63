import { createRequire } from 'node:module';
import sharp from 'sharp';

/** piexifjs has no types; the two functions used here. */
type Piexif = {
  dump: (exif: Record<string, Record<number, unknown>>) => string;
  insert: (exif: string, jpeg: string) => string;
  ImageIFD: Record<string, number>;
  ExifIFD: Record<string, number>;
  GPSIFD: Record<string, number>;
};
const piexif = createRequire(import.meta.url)('piexifjs') as Piexif;

/** A real JPEG with a colour gradient (so it is not trivially small). */
export async function makeJpeg(width = 640, height = 480): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The JPEG with EXIF: GPS position (Ghent), camera make and model, the time it was taken, and an orientation. */
export function withGpsExif(jpeg: Buffer): Buffer {
  const exif = piexif.dump({
    '0th': {
      [piexif.ImageIFD.Make as number]: 'Kruisbestuiving Camera Co',
      [piexif.ImageIFD.Model as number]: 'Proefmodel 3000',
      [piexif.ImageIFD.Software as number]: 'Testfixture',
      [piexif.ImageIFD.Orientation as number]: 1,
    },
    Exif: { [piexif.ExifIFD.DateTimeOriginal as number]: '2026:11:29 10:11:12' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef as number]: 'N',
      [piexif.GPSIFD.GPSLatitude as number]: [
        [51, 1],
        [3, 1],
        [1234, 100],
      ],
      [piexif.GPSIFD.GPSLongitudeRef as number]: 'E',
      [piexif.GPSIFD.GPSLongitude as number]: [
        [3, 1],
        [43, 1],
        [2100, 100],
      ],
    },
  });
  return Buffer.from(piexif.insert(exif, jpeg.toString('binary')), 'binary');
}
