import type { Actor, ServiceContext } from '../core/context.ts';
import type { Language } from '../core/language.ts';
import type { PdfPrinter } from '../core/pdf-printer.ts';
import type { Limiter } from '../modules/limits/limiter.ts';
import type { SignInThrottle } from '../modules/limits/sign-in-throttle.ts';
import type { AnyRoute } from './route.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: ServiceContext;
    /** Every JSON API route with its definition: read by the docs and the route-matrix test. */
    apiRoutes: AnyRoute[];
    /** Every route Fastify knows, including plugins' (docs, static files). */
    registeredRoutes: { method: string; url: string }[];
    /** Shared, address-free limits (database-backed); `limiter.guarded` guards guesses of codes. */
    limiter: Limiter;
    signInThrottle: SignInThrottle;
    /** The one Chromium printer of the process (started on the first print, prints queued). */
    pdfPrinter: PdfPrinter;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
    lang: Language;
  }
  interface FastifyContextConfig {
    routeDef?: AnyRoute;
    /** false for the respondent's HTML form posts: anonymous, no session to protect, the link is the key. */
    csrf?: boolean;
  }
}
