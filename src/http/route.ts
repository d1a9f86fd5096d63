import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import * as z from 'zod';
import type { Actor } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { Language } from '../core/language.ts';
import type { PolicyName } from '../core/policy.ts';
import { errorMapFor } from '../core/validation-messages.ts';

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : undefined;

export type RouteInput<P, Q, B, A extends Auth> = {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  actor: A extends 'user' ? Actor : Actor | undefined;
  req: FastifyRequest;
  reply: FastifyReply;
};

type Auth = 'public' | 'user';

/** A route that answers with something other than JSON (a file, a page, a stream) names its content type. */
export type FileResponse = { contentType: string };

/**
 * What a handler gives back: for a JSON route exactly what its response schema describes (the answer
 * is that value as JSON); for a file route whatever it sends. A handler that sends the answer itself
 * (a refusal with a body, a redirect) returns the reply.
 */
export type HandlerResult<R> = R extends Schema ? z.output<R> | FastifyReply : unknown;

export type RouteDef<P = undefined, Q = undefined, B = undefined, A extends Auth = Auth, R extends Schema | FileResponse = Schema | FileResponse> = {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  url: string;
  summary: string;
  tags: string[];
  auth: A;
  /** The policy the service checks; read by the route-matrix test and shown in the API docs. */
  policy?: PolicyName;
  rateLimit?: 'login' | 'invite' | 'respondent';
  /** A larger request body than the app's default (256 KiB), for the few routes that take a file. */
  bodyLimit?: number;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON answer (status 200), typed for the handler and shown in the docs; a route that sends something else names its type. */
  response: R;
  handler: (input: RouteInput<P, Q, B, A>) => Promise<HandlerResult<R>>;
};

// biome-ignore lint/suspicious/noExplicitAny: a registry holds routes of every shape
export type AnyRoute = RouteDef<any, any, any, Auth, any>;

export const defineRoute = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  A extends Auth = Auth,
  R extends Schema | FileResponse = Schema | FileResponse,
>(
  def: RouteDef<P, Q, B, A, R>,
): AnyRoute => def as AnyRoute;

/** Parses one part of a request with its schema; failures become a 400 in the person's language. */
export function parseInput<S extends Schema>(schema: S, value: unknown, lang: Language, prefix = ''): z.output<S> {
  const result = schema.safeParse(value, { error: errorMapFor(lang) });
  if (result.success) return result.data;
  throw new AppError('validation_failed', {
    issues: result.error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: issue.message })),
  });
}

/**
 * A PATCH names what it changes; one that names nothing is a mistake of the caller (and would be an
 * UPDATE without a SET): a 400 with an issue on every field it could have named.
 */
export function requireSomeField(schema: Schema, body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0) return;
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [''];
  throw new AppError('validation_failed', { issues: fields.map((path) => ({ path, code: 'core.nothing_to_change' as const })) });
}

function jsonSchema(schema: Schema, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * The JSON schemas of a route's parameters, query, body and answer, for the OpenAPI document only
 * (validation is zod's, in the handler). Made when the document is first asked for (docs.ts), not
 * at start: turning some 240 routes' zod schemas into JSON schemas cost start-up time and memory
 * that every process kept while nobody read the API documentation.
 */
export function openApiSchemas(def: AnyRoute) {
  const response =
    'contentType' in def.response
      ? { 200: { description: def.response.contentType, content: { [def.response.contentType]: { schema: { type: 'string' } } } } }
      : { 200: jsonSchema(def.response as Schema, 'output') };
  return {
    ...(def.params ? { params: jsonSchema(def.params, 'input') } : {}),
    ...(def.query ? { querystring: jsonSchema(def.query, 'input') } : {}),
    ...(def.body ? { body: jsonSchema(def.body, 'input') } : {}),
    response,
  };
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], limits: { login: number; invite: number; respondent: number }): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
      // Only what the OpenAPI document shows; the JSON schemas are added when it is made (openApiSchemas).
      schema: {
        summary: def.summary,
        description: def.policy ? `Policy: \`${def.policy}\`` : def.auth === 'public' ? 'Public' : 'Any signed-in user',
        tags: def.tags,
        ...(def.auth === 'user' ? { security: [{ session: [] }] } : {}),
      },
      config: {
        routeDef: def,
        ...(def.rateLimit
          ? { rateLimit: { max: limits[def.rateLimit], timeWindow: '1 minute', ...(def.rateLimit === 'respondent' ? { batched: true } : {}) } }
          : {}),
      },
      handler: async (req, reply) => {
        if (def.auth === 'user' && !req.actor) throw new AppError('unauthenticated');
        const lang = req.lang;
        // No body (or null) for an object is read as {}, so the answer names each required field.
        const sent = req.body ?? (def.body instanceof z.ZodObject ? {} : undefined);
        const body = def.body ? parseInput(def.body, sent, lang) : undefined;
        if (def.body && def.method === 'PATCH') requireSomeField(def.body, body);
        return def.handler({
          params: def.params ? parseInput(def.params, req.params, lang) : undefined,
          query: def.query ? parseInput(def.query, req.query, lang) : undefined,
          body,
          actor: req.actor,
          req,
          reply,
        });
      },
    });
  }
}
