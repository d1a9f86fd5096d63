import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { type AnyRoute, openApiSchemas } from './route.ts';

/**
 * OpenAPI built from the same zod schemas that validate the requests (see route.ts), when the
 * document is first asked for: each route registered by registerRoutes carries its definition
 * (config.routeDef), whose JSON schemas are made here.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kruisbestuiving API',
        version: '0.1.0',
        description:
          'JSON API of Kruisbestuiving. Sign in with POST /api/auth/login (a session cookie), and send the token from GET /api/csrf as the x-csrf-token header with every POST, PUT, PATCH and DELETE. Errors have the shape { error: { id, message, issues, requestId } } with the message in the language of the person (their setting, or Accept-Language).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kb_session' } } },
    },
    transform: ({ schema, url, route }) => {
      const def = (route.config as { routeDef?: AnyRoute } | undefined)?.routeDef;
      return { schema: def ? { ...schema, ...openApiSchemas(def) } : schema, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
