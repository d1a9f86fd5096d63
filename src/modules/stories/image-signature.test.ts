import { describe, expect, it } from 'vitest';
import { imageKindOf } from './image-signature.ts';

describe('imageKindOf', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(imageKindOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(imageKindOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(imageKindOf(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
  });

  it('does not trust a name: text, PDF, SVG and truncated headers are not images', () => {
    expect(imageKindOf(new TextEncoder().encode('Dit is geen foto.jpg'))).toBeUndefined();
    expect(imageKindOf(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
    expect(imageKindOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageKindOf(Uint8Array.from([0xff, 0xd8]))).toBeUndefined();
    expect(imageKindOf(new Uint8Array())).toBeUndefined();
  });
});
