import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { BODY_LIMIT_BYTES, type Config } from '../config.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { logDestination, loggerOptions } from '../core/logger.ts';
import { createPdfPrinter, type PdfPrinter } from '../core/pdf-printer.ts';
import { type DatabaseHandle, isReachable } from '../db/database.ts';
import { resetMailer } from '../modules/accounts/reset-mail.ts';
import { accountRoutes } from '../modules/accounts/routes.ts';
import { selfServiceRoutes } from '../modules/accounts/self-service-routes.ts';
import { registerPublicResultPages } from '../modules/analysis/public-results-routes.tsx';
import { analysisRoutes } from '../modules/analysis/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { codingRoutes } from '../modules/coding/routes.ts';
import { exportRoutes } from '../modules/exports/routes.ts';
import { registerSecondFactorGate } from '../modules/factors/gate.ts';
import { factorRoutes } from '../modules/factors/routes.ts';
import { frameworkRoutes } from '../modules/frameworks/routes.ts';
import { importRoutes } from '../modules/imports/routes.ts';
import { instrumentPreviewRoutes } from '../modules/instruments/preview-routes.tsx';
import { instrumentRoutes } from '../modules/instruments/routes.ts';
import { databaseCounters, redisCounters } from '../modules/limits/counters.ts';
import { Limiter } from '../modules/limits/limiter.ts';
import { SignInThrottle } from '../modules/limits/sign-in-throttle.ts';
import { startSweeper } from '../modules/limits/sweeper.ts';
import { startMailDelivery } from '../modules/mail/service.ts';
import { localBus, postgresBus, sharedBus } from '../modules/meetings/events.ts';
import { registerLiveRoutes } from '../modules/meetings/live-routes.ts';
import { registerParticipantPages } from '../modules/meetings/participant-routes.tsx';
import { redisBus } from '../modules/meetings/redis-bus.ts';
import { meetingRoutes } from '../modules/meetings/routes.ts';
import { startDigestSchedule } from '../modules/notifications/digest-service.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { organisationRoutes } from '../modules/organisations/routes.ts';
import { privacyRoutes } from '../modules/privacy/routes.ts';
import { roundInvitationRoutes } from '../modules/round-invitations/routes.ts';
import { startInvitationWork } from '../modules/round-invitations/service.ts';
import { publishedInstruments } from '../modules/rounds/instrument-source.ts';
import { registerRespondentPages } from '../modules/rounds/respondent-routes.tsx';
import { roundRoutes } from '../modules/rounds/routes.ts';
import { signalRoutes } from '../modules/signals/routes.ts';
import { ssoRoutes } from '../modules/sso/routes.ts';
import { registerExhibitionPages } from '../modules/stories/exhibition-routes.tsx';
import { createPhotoStorage } from '../modules/stories/photo-storage.ts';
import { photovoiceRoutes } from '../modules/stories/photovoice-routes.ts';
import { storyRoutes } from '../modules/stories/routes.ts';
import { charterRoutes } from '../modules/trajecten/charter-routes.ts';
import { intervisionRoutes } from '../modules/trajecten/intervision-routes.ts';
import { trajectoryRoutes } from '../modules/trajecten/routes.ts';
import { requestLoggerFactory } from './anonymous.ts';
import { registerCompression } from './compression.ts';
import { registerDocs } from './docs.ts';
import { registerErrorHandling } from './errors.ts';
import './fastify-types.ts';
import { registerRoutes } from './route.ts';
import { registerSecurity } from './security.ts';
import { registerSessionHook } from './session.ts';
import { registerWebApp } from './web.ts';

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** false: no logging; a stream: log there (tests read it to prove nothing personal is logged). */
  logger?: false | { stream: NodeJS.WritableStream };
  /** A PDF printer the caller owns and closes (the tests share one Chromium per process); by default the app makes its own. */
  pdfPrinter?: PdfPrinter;
};

export type App = FastifyInstance;

/** A hop count becomes proxy-addr's trust function: the nearest `hops` proxies, no further. */
const trustProxyOption = (trust: Config['trustProxy']) => (typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust);

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const stream = options.logger === false ? undefined : (options.logger?.stream ?? (await logDestination(config.logFormat)));
  const app = Fastify({
    logger: options.logger === false ? false : { ...loggerOptions(config.logLevel), ...(stream ? { stream } : {}) },
    // One line per request, at debug level (see the onResponse hook below): the terminal shows start-up, warnings and errors.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: () => newId(),
    childLoggerFactory: requestLoggerFactory,
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  });
  app.decorate('services', {
    db: database.db,
    dialect: database.dialect,
    clock: options.clock ?? systemClock,
    config,
  });
  // Validation is done by zod inside each route (in the person's language); the JSON schemas
  // on the routes are for the OpenAPI document only. Answers are written as they are: Fastify's
  // own serializer (fast-json-stringify) would drop fields its schema does not describe and coerce
  // types. Handlers are typed against their response schema instead, and the route matrix parses
  // every answer with it.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // The request id header is set with the security headers, in one onRequest hook (security.ts).
  // The request line is written at debug level only: at any other level the hook is not there at all
  // (every hook costs each request a step, also when it writes nothing).
  if (options.logger !== false && (config.logLevel === 'debug' || config.logLevel === 'trace')) {
    app.addHook('onResponse', (req, reply, done) => {
      req.log.debug({ req, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
      done();
    });
  }

  const registered: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', registered);

  await registerCompression(app);
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 4096 } });
  // Live meeting events: to this process's own screens at once (a function call; staff screens coalesce
  // their own updates); to other processes through Redis when REDIS_URL is set, else through
  // PostgreSQL LISTEN/NOTIFY, coalesced (a PUBLISH or NOTIFY is a round trip). SQLite alone: this process only.
  const remoteBus = config.redis ? await redisBus(config.redis.url, config.redis.keyPrefix) : database.pgPool ? await postgresBus(database.pgPool) : undefined;
  const meetingBus = remoteBus ? sharedBus(remoteBus) : localBus();
  app.addHook('onClose', () => meetingBus.close());
  registerErrorHandling(app);
  const counters = config.redis ? redisCounters(config.redis.url, config.redis.keyPrefix) : databaseCounters(database.db);
  const stopSweeper = startSweeper(database.db, app.services.clock);
  app.addHook('onClose', async () => {
    stopSweeper();
    counters.close();
  });
  const mailSender = startMailDelivery(app.services, {
    onFailure: (failure) => app.log.warn({ mailId: failure.id, code: failure.code, attempts: failure.attempts, givenUp: failure.givenUp }, 'mail not sent'),
  });
  app.addHook('onClose', () => mailSender.stop());
  const digests = startDigestSchedule(app.services);
  app.addHook('onClose', async () => digests.stop());
  const invitationWork = startInvitationWork(app.services);
  app.addHook('onClose', () => invitationWork.stop());
  const limiter = new Limiter(app.services, config.guesses, counters);
  app.decorate('limiter', limiter);
  app.decorate('signInThrottle', new SignInThrottle(database.db, limiter));
  await registerSecurity(app, limiter);
  registerSessionHook(app);
  registerSecondFactorGate(app);
  await registerDocs(app);
  // One PDF printer for the whole app (reports, charters, meeting reports): Chromium starts on the
  // first print and the prints share its queue.
  const pdfPrinter = options.pdfPrinter ?? createPdfPrinter(config.chromiumPath);
  app.decorate('pdfPrinter', pdfPrinter);
  if (!options.pdfPrinter) app.addHook('onClose', () => pdfPrinter.close());

  app.get('/healthz', { schema: { summary: 'The process is up', tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { summary: 'The database is reachable', tags: ['health'] } }, async (_req, reply) =>
    (await isReachable(database.db)) ? { status: 'ready' } : reply.status(503).send({ status: 'database_unreachable' }),
  );

  const photoStorage = await createPhotoStorage(config);
  const apiRoutes = [
    ...accountRoutes(app),
    ...ssoRoutes(app),
    ...factorRoutes(app),
    ...selfServiceRoutes(app, resetMailer(app.services)),
    ...organisationRoutes(app),
    ...auditRoutes(app),
    ...frameworkRoutes(app),
    ...instrumentRoutes(app),
    ...instrumentPreviewRoutes(app),
    ...roundRoutes(app, publishedInstruments),
    ...roundInvitationRoutes(app, photoStorage, config.uploadsPerHour),
    ...importRoutes(app, config),
    ...analysisRoutes(app, publishedInstruments),
    ...trajectoryRoutes(app, publishedInstruments),
    ...intervisionRoutes(app),
    ...charterRoutes(app),
    ...exportRoutes(app, publishedInstruments),
    ...signalRoutes(app),
    ...codingRoutes(app),
    ...storyRoutes(app, config, photoStorage),
    ...photovoiceRoutes(app),
    ...privacyRoutes(app, photoStorage),
    ...meetingRoutes(app, meetingBus),
    ...notificationRoutes(app),
  ];
  registerRoutes(app, apiRoutes, {
    login: config.rateLimits.loginPerMinute,
    invite: config.rateLimits.invitePerMinute,
    respondent: config.rateLimits.respondentPerMinute,
  });
  registerRespondentPages(app, publishedInstruments, config.rateLimits.respondentPerMinute, photoStorage);
  registerExhibitionPages(app, photoStorage, config.rateLimits.respondentPerMinute);
  registerParticipantPages(app, meetingBus, config.rateLimits.respondentPerMinute);
  registerPublicResultPages(app, publishedInstruments, config.rateLimits.respondentPerMinute);
  await registerLiveRoutes(app, meetingBus, config.rateLimits.respondentPerMinute);
  await registerWebApp(app, config.webDir);

  app.decorate('apiRoutes', apiRoutes);
  return app;
}
