import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { errorMessages } from '../../core/messages.ts';
import { issuesOf } from '../../http/messages.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { roundParams } from '../rounds/model.ts';
import { takeUploadAllowance } from '../uploads/service.ts';
import { IMPORT_BODY_LIMIT_BYTES, type ImportInput, importCommitInput, importInput, importPreviewView, importResultView } from './model.ts';
import { commitImport, ImportRejected, type ImportRequest, previewImport } from './service.ts';

const toRequest = (body: ImportInput): ImportRequest => ({
  fileName: body.fileName,
  content: Buffer.from(body.contentBase64, 'base64'),
  format: body.format,
  sheet: body.sheet,
  mapping: body.mapping,
});

/** A refused import answers 400 with the usual error and, beside it, every problem by row and column. */
async function orProblems<T>(req: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    return reply.status(400).send({
      error: { id: error.id, message: errorMessages.validation_failed[req.lang], issues: issuesOf(error.issues, req.lang), requestId: req.id },
      problems: error.problems,
      problemCount: error.problemCount,
    });
  }
}

export function importRoutes(app: FastifyInstance, config: Pick<Config, 'uploadsPerHour'>): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/rounds/:roundId/imports/preview',
      summary:
        'Read a CSV or Excel file of earlier answers: its columns, the proposed mapping, the first rows as they would be stored, and every problem. Stores nothing.',
      tags: ['imports'],
      auth: 'user',
      policy: 'rounds.manage',
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      params: roundParams,
      body: importInput,
      response: importPreviewView,
      handler: async ({ actor, params, body, req, reply }) => {
        await takeUploadAllowance(ctx, actor.userId, 'import', config.uploadsPerHour);
        return orProblems(req, reply, () =>
          previewImport(ctx, { kind: 'user', actor, organisationId: params.orgId }, params.roundId, toRequest(body), { lang: req.lang }),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/rounds/:roundId/imports',
      summary: 'Import every row of the file as a complete response, in one transaction; a file with any problem stores nothing (400 with the problems).',
      tags: ['imports'],
      auth: 'user',
      policy: 'rounds.manage',
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      params: roundParams,
      body: importCommitInput,
      response: importResultView,
      handler: async ({ actor, params, body, req, reply }) => {
        await takeUploadAllowance(ctx, actor.userId, 'import', config.uploadsPerHour);
        return orProblems(req, reply, () =>
          commitImport(ctx, { kind: 'user', actor, organisationId: params.orgId }, params.roundId, toRequest(body), { lang: req.lang }),
        );
      },
    }),
  ];
}
