import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { LocalisedText } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import { getPublishedVersion } from '../instruments/service.ts';

export type PublishedInstrument = {
  versionId: string;
  organisationId: string;
  title: LocalisedText;
  instrument: ResolvedInstrument;
};

export type InstrumentSource = (ctx: ServiceContext, versionId: string) => Promise<PublishedInstrument | undefined>;

const cache = new Map<string, PublishedInstrument>();

/**
 * Published instrument versions never change, so a resolved one can be kept in memory:
 * respondents' pages then cost no definition parsing or framework lookups.
 */
export function cachedSource(load: InstrumentSource): InstrumentSource {
  return async (ctx, versionId) => {
    const hit = cache.get(versionId);
    if (hit) return hit;
    const loaded = await load(ctx, versionId);
    if (loaded) cache.set(versionId, loaded);
    return loaded;
  };
}

/** The real source: published versions from the instruments module, kept in memory once read. */
export const publishedInstruments: InstrumentSource = cachedSource(async (ctx, versionId) => {
  try {
    const published = await getPublishedVersion(ctx, versionId);
    return { versionId: published.id, organisationId: published.organisationId, title: published.instrument.title, instrument: published.instrument };
  } catch (error) {
    if (error instanceof AppError && error.id === 'not_found') return undefined;
    throw error;
  }
});
