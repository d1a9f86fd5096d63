import { AppError } from '../../core/errors.ts';
import { QueueFull, WorkQueue } from '../../core/work-queue.ts';
import { type ImageKind, imageKindOf } from './image-signature.ts';

export type ProcessedPhoto = { bytes: Buffer; width: number; height: number };

/**
 * The most pixels a photo's header may declare, checked before a single pixel is decoded (a small
 * file can declare a huge image). A 48-megapixel phone photo fits; JPEGs are shrunk while they are
 * decoded, so they cost little. PNG and WebP are decoded whole (about 4 bytes a pixel), so less.
 */
export const MAX_INPUT_PIXELS: Record<ImageKind, number> = { jpeg: 50_000_000, png: 25_000_000, webp: 25_000_000 };

/**
 * Photos are processed one or two at a time, whatever the number of uploads, so memory stays at a
 * couple of decodes; a few more wait their turn and beyond that people are asked to try again.
 */
const queue = new WorkQueue(2, 8);

type Sharp = typeof import('sharp')['default'];
let loading: Promise<Sharp> | undefined;

/** sharp (libvips, tens of MiB once loaded) comes in at the first photo, not at start. */
function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}

const refused = (message: 'not_an_image' | 'too_many_pixels') => new AppError('validation_failed', { issues: [{ path: 'photo', message }] });

/**
 * Checks that the bytes are a real JPEG, PNG or WebP (by signature and by decoding them fully), then
 * re-encodes them as a new JPEG: turned upright, resized to fit `maxDimension`, in sRGB, with NO
 * metadata at all (no EXIF, GPS, camera, time, XMP, IPTC or ICC profile). Only pixels survive.
 */
export async function processPhoto(input: Buffer, maxDimension: number): Promise<ProcessedPhoto> {
  const kind = imageKindOf(input);
  if (!kind) throw refused('not_an_image');
  const limit = MAX_INPUT_PIXELS[kind];
  // metadata() reads the header only: the declared size is known before anything is decoded.
  const sharp = await loadSharp();
  const meta = await sharp(input, { failOn: 'error', limitInputPixels: false, animated: false })
    .metadata()
    .catch(() => undefined);
  if (!meta || meta.format !== kind || !meta.width || !meta.height) throw refused('not_an_image');
  if (meta.width * meta.height > limit) throw refused('too_many_pixels');
  try {
    return await queue.run(() => encode(input, limit, maxDimension));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof QueueFull) throw new AppError('rate_limited', { cause: error });
    throw refused('not_an_image');
  }
}

async function encode(input: Buffer, limit: number, maxDimension: number): Promise<ProcessedPhoto> {
  // sharp writes no metadata unless asked (keepMetadata/withMetadata), and we never ask.
  const sharp = await loadSharp();
  const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: limit, animated: false })
    .rotate()
    .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, progressive: true, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
