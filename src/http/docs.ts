import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI built from the same zod schemas that validate the requests (see route.ts). */
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
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
