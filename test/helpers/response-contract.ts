import type { LightMyRequestResponse } from 'fastify';
import type * as z from 'zod';
import type { AnyRoute } from '../../src/http/route.ts';

/** Paths of `sent` that `kept` lacks: the fields a schema does not describe (zod drops them when it parses). */
function undescribed(sent: unknown, kept: unknown, path: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((item, i) => undescribed(item, kept[i], `${path}[${i}]`));
  if (typeof sent !== 'object' || sent === null || typeof kept !== 'object' || kept === null) return [];
  return Object.entries(sent).flatMap(([name, value]) =>
    name in kept ? undescribed(value, (kept as Record<string, unknown>)[name], `${path}.${name}`) : [`${path}.${name}`],
  );
}

/**
 * What is wrong with a successful JSON answer by the route's response schema: a field missing or of
 * another type, or a field the schema does not describe. Empty for a right answer, for a refusal and
 * for a route that sends a file.
 */
export function contractProblems(route: AnyRoute, response: LightMyRequestResponse): string[] {
  if (response.statusCode < 200 || response.statusCode >= 300 || 'contentType' in route.response) return [];
  const where = `${route.method} ${route.url}`;
  if (!String(response.headers['content-type']).startsWith('application/json')) return [`${where}: sent ${response.headers['content-type']}, not JSON`];
  const body: unknown = response.json();
  const parsed = (route.response as z.ZodType).safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${where}: ${['$', ...issue.path].join('.')} ${issue.message}`);
  return undescribed(body, parsed.data, '$').map((path) => `${where}: ${path} is not in the response schema`);
}
