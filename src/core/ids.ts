import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** 256 bits from the CSPRNG, URL-safe: for session ids and one-time links. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as their hash, so a database dump does not hand out live sessions or links. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
