import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineRoute, openApiSchemas, registerRoutes } from '../../src/http/route.ts';

const route = defineRoute({
  method: 'POST',
  url: '/api/things/:id',
  summary: 'Renames a thing',
  tags: ['things'],
  auth: 'user',
  params: z.object({ id: z.string() }),
  body: z.object({ name: z.string().min(1) }),
  response: z.object({ ok: z.boolean() }),
  handler: async () => ({ ok: true }),
});

describe('the OpenAPI JSON schemas are made when the document is asked for, not at start', () => {
  it('a registered route carries only what the document shows; openApiSchemas makes the rest from its zod schemas', async () => {
    const app = Fastify();
    const schemas: unknown[] = [];
    app.addHook('onRoute', (options) => {
      // Its string keys (Fastify marks a schema it has seen with a symbol).
      schemas.push(Object.fromEntries(Object.entries(options.schema ?? {})));
    });
    registerRoutes(app, [route], { login: 1, invite: 1, respondent: 1 });
    await app.ready();
    expect(schemas).toEqual([{ summary: 'Renames a thing', description: 'Any signed-in user', tags: ['things'], security: [{ session: [] }] }]);
    expect(openApiSchemas(route)).toEqual({
      // Inputs as zod reads them (unknown keys are dropped, not refused); the answer exactly.
      params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      body: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] },
      response: {
        200: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false },
      },
    });
    await app.close();
  });
});
