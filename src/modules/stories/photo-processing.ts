import sharp from 'sharp';
import { AppError } from '../../core/errors.ts';
import { imageKindOf } from './image-signature.ts';

export type ProcessedPhoto = { bytes: Buffer; width: number; height: number };

/** Larger than any phone photo; protects against decompression bombs. */
const MAX_INPUT_PIXELS = 80_000_000;

sharp.cache(false);
sharp.concurrency(1);

const notAnImage = () => new AppError('validation_failed', { issues: [{ path: 'photo', message: 'not_an_image' }] });

/**
 * Checks that the bytes are a real JPEG, PNG or WebP (by signature and by decoding them fully), then
 * re-encodes them as a new JPEG: turned upright, resized to fit `maxDimension`, in sRGB, with NO
 * metadata at all (no EXIF, GPS, camera, time, XMP, IPTC or ICC profile). Only pixels survive.
 */
export async function processPhoto(input: Buffer, maxDimension: number): Promise<ProcessedPhoto> {
  const kind = imageKindOf(input);
  if (!kind) throw notAnImage();
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const meta = await image.metadata();
    if (meta.format !== kind || !meta.width || !meta.height) throw notAnImage();
    // sharp writes no metadata unless asked (keepMetadata/withMetadata), and we never ask.
    const { data, info } = await image
      .rotate()
      .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, progressive: true, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnImage();
  }
}
