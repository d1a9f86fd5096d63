import type { FastifyInstance } from 'fastify';
import { okView, organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { auditRead } from '../privacy/read-audit.ts';
import { createAnswerSegment, deleteAnswerSegment, listAnswersForCoding } from './answers.ts';
import { addFrameworkCodes, createCode, deleteCode, listCodebook, updateCode } from './codebook.ts';
import { endCoResearch, inviteCoResearcher, listCoResearchers, myCoding } from './coresearch.ts';
import { exportQdpx } from './export.ts';
import { codeFrequencies } from './frequencies.ts';
import { createMemo, deleteMemo, listMemos, updateMemo } from './memos.ts';
import {
  answerSegmentInput,
  answerSegmentParams,
  answerSegmentView,
  answersForCodingView,
  codebookView,
  codeDetailView,
  codeInput,
  codeParams,
  codeUpdateInput,
  codeView,
  coResearcherParams,
  coResearchersView,
  frameworkCodesInput,
  frequenciesView,
  memoInput,
  memoListView,
  memoParams,
  memoUpdateInput,
  memoView,
  myCodingView,
  segmentInput,
  segmentParams,
  segmentView,
  sourceListView,
  storyCodingView,
  storyParams,
} from './model.ts';
import { codeDetail, createSegment, deleteSegment, listSources, storyForCoding } from './segments.ts';

export function codingRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const base = '/api/orgs/:orgId/coding';
  const work = { auth: 'user' as const, policy: 'coding.work' as const, tags: ['coding'] };
  return [
    defineRoute({
      auth: 'user',
      tags: ['coding'],
      method: 'GET',
      url: `${base}/me`,
      summary: 'Whether this person codes: as researcher or admin, or as a member invited to code with them',
      params: organisationParams,
      response: myCodingView,
      handler: async ({ actor, params }) => myCoding(ctx, actor, params.orgId),
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/coresearchers`,
      summary: 'Members invited to code with the researchers, and the members who can be invited',
      params: organisationParams,
      response: coResearchersView,
      handler: async ({ actor, params }) => listCoResearchers(ctx, actor, params.orgId),
    }),
    defineRoute({
      ...work,
      method: 'PUT',
      url: `${base}/coresearchers/:userId`,
      summary: 'Invite a member to code stories with the researchers (read as a researcher reads: no names)',
      params: coResearcherParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await inviteCoResearcher(ctx, actor, params.orgId, params.userId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...work,
      method: 'DELETE',
      url: `${base}/coresearchers/:userId`,
      summary: 'End a co-researcher’s invitation (a researcher or admin, or the co-researcher themself); their codes stay',
      params: coResearcherParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await endCoResearch(ctx, actor, params.orgId, params.userId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/codes`,
      summary: 'The codebook, with the number of segments per code in material readable now',
      params: organisationParams,
      response: codebookView,
      handler: async ({ actor, params }) => ({ codes: await listCodebook(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      ...work,
      method: 'POST',
      url: `${base}/codes`,
      summary: 'Add an own code (name, description, colour, parent)',
      params: organisationParams,
      body: codeInput,
      response: codeView,
      handler: async ({ actor, params, body }) => createCode(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      ...work,
      method: 'POST',
      url: `${base}/codes/from-framework`,
      summary: 'Take the codes of a framework (logics, positions, roles, themes…) into the codebook',
      params: organisationParams,
      body: frameworkCodesInput,
      response: codebookView,
      handler: async ({ actor, params, body }) => ({ codes: await addFrameworkCodes(ctx, actor, params.orgId, body.frameworkKey) }),
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/codes/:codeId`,
      summary: 'A code with all its segments and memos',
      params: codeParams,
      response: codeDetailView,
      handler: async ({ actor, params }) => codeDetail(ctx, actor, params.orgId, params.codeId),
    }),
    defineRoute({
      ...work,
      method: 'PATCH',
      url: `${base}/codes/:codeId`,
      summary: 'Change a code',
      params: codeParams,
      body: codeUpdateInput,
      response: codeView,
      handler: async ({ actor, params, body }) => updateCode(ctx, actor, params.orgId, params.codeId, body),
    }),
    defineRoute({
      ...work,
      method: 'DELETE',
      url: `${base}/codes/:codeId`,
      summary: 'Delete a code with its segments; subcodes move up',
      params: codeParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await deleteCode(ctx, actor, params.orgId, params.codeId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/sources`,
      summary: 'Stories and reflections shared for research that this person may code now',
      params: organisationParams,
      response: sourceListView,
      handler: async ({ actor, params }) => ({ sources: await listSources(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/stories/:storyId`,
      summary: 'A story and its reflections shared for research, with their texts and segments',
      params: storyParams,
      response: storyCodingView,
      handler: async ({ actor, params }) => {
        const story = await storyForCoding(ctx, actor, params.orgId, params.storyId);
        await auditRead(ctx, actor, params.orgId, { action: 'story.read', subjectType: 'story', subjectId: params.storyId, purpose: 'coding' });
        return story;
      },
    }),
    defineRoute({
      ...work,
      method: 'POST',
      url: `${base}/segments`,
      summary: 'Code a segment (start and end offsets) of a story or reflection',
      params: organisationParams,
      body: segmentInput,
      response: segmentView,
      handler: async ({ actor, params, body }) => createSegment(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      ...work,
      method: 'DELETE',
      url: `${base}/segments/:segmentId`,
      summary: 'Remove a coded segment',
      params: segmentParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await deleteSegment(ctx, actor, params.orgId, params.segmentId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/memos`,
      summary: 'Memos on the project, codes and segments',
      params: organisationParams,
      response: memoListView,
      handler: async ({ actor, params }) => ({ memos: await listMemos(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      ...work,
      method: 'POST',
      url: `${base}/memos`,
      summary: 'Write a memo on the project, a code or a segment',
      params: organisationParams,
      body: memoInput,
      response: memoView,
      handler: async ({ actor, params, body }) => createMemo(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      ...work,
      method: 'PATCH',
      url: `${base}/memos/:memoId`,
      summary: 'Change a memo',
      params: memoParams,
      body: memoUpdateInput,
      response: memoView,
      handler: async ({ actor, params, body }) => updateMemo(ctx, actor, params.orgId, params.memoId, body),
    }),
    defineRoute({
      ...work,
      method: 'DELETE',
      url: `${base}/memos/:memoId`,
      summary: 'Delete a memo',
      params: memoParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await deleteMemo(ctx, actor, params.orgId, params.memoId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/answers`,
      summary: 'Survey open answers researchers may code (rounds whose consent sends open answers to them), with their segments (audited)',
      params: organisationParams,
      response: answersForCodingView,
      handler: async ({ actor, params }) => ({ answers: await listAnswersForCoding(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      ...work,
      method: 'POST',
      url: `${base}/answer-segments`,
      summary: 'Code a segment of a survey open answer in the same codebook as the stories',
      params: organisationParams,
      body: answerSegmentInput,
      response: answerSegmentView,
      handler: async ({ actor, params, body }) => createAnswerSegment(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      ...work,
      method: 'DELETE',
      url: `${base}/answer-segments/:segmentId`,
      summary: 'Remove a coded segment of a survey open answer',
      params: answerSegmentParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await deleteAnswerSegment(ctx, actor, params.orgId, params.segmentId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      auth: 'user',
      tags: ['coding'],
      policy: 'coding.frequencies',
      method: 'GET',
      url: `${base}/frequencies`,
      summary: 'Code frequencies by position and sector; small cells suppressed for those without raw rights',
      params: organisationParams,
      response: frequenciesView,
      handler: async ({ actor, params }) => codeFrequencies(ctx, actor, params.orgId),
    }),
    defineRoute({
      ...work,
      method: 'GET',
      url: `${base}/export.qdpx`,
      summary: 'The coded material as a REFI-QDA project (.qdpx) for ATLAS.ti, NVivo, MAXQDA or QualCoder (audited)',
      params: organisationParams,
      response: { contentType: 'application/zip' },
      handler: async ({ actor, params, reply }) => {
        const { fileName, bytes } = await exportQdpx(ctx, actor, params.orgId);
        return reply.type('application/zip').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(bytes));
      },
    }),
  ];
}
