import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { AppError } from '../../core/errors.ts';
import { PdfUnavailableError } from '../../core/pdf-printer.ts';
import { okView } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { attachRecord, detachRecord, dialogueRecords, recordReport } from './dialogue-records.ts';
import type { MeetingBus } from './events.ts';
import {
  addModeratorInput,
  attachRecordInput,
  controlInput,
  createMeetingInput,
  dialogueRecordsView,
  joinLinkView,
  meetingListView,
  meetingParams,
  meetingResultsListView,
  meetingView,
  moderateInput,
  moderationListView,
  moderatorParams,
  moderatorsView,
  orgParams,
  promptLibraryView,
  recordParams,
} from './model.ts';
import { meetingReportMarkdown } from './report.ts';
import { meetingReportHtml } from './report-html.tsx';
import { meetingResults, moderate, moderationQueue } from './results-service.ts';
import * as service from './service.ts';

const trajectoryParams = z.strictObject({ orgId: orgParams.shape.orgId, trajectoryId: meetingParams.shape.meetingId });

/** The facilitator's API: prepare, run, moderate and report on a meeting. */
export function meetingRoutes(app: FastifyInstance, bus: MeetingBus): AnyRoute[] {
  const ctx = app.services;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const changed = (meetingId: string) => bus.publish({ meetingId, kind: 'state' });
  const printer = app.pdfPrinter;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings',
      summary: 'The meetings this person may run or moderate',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: orgParams,
      response: meetingListView,
      handler: async ({ actor, params }) => ({ meetings: await service.listMeetings(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/library',
      summary: 'The prompt library (from the frameworks) and the template "De ontmoeting"',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: orgParams,
      response: promptLibraryView,
      handler: async ({ actor, params }) => ({ entries: service.library(actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/meetings',
      summary: 'Make a meeting from prompts, library entries or the template',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: orgParams,
      body: createMeetingInput,
      response: meetingView,
      handler: async ({ actor, params, body }) => service.createMeeting(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId',
      summary: 'A meeting with its prompts',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: meetingView,
      handler: async ({ actor, params }) => service.getMeeting(ctx, actor, params.orgId, params.meetingId),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/meetings/:meetingId',
      summary: 'Delete a meeting with all its answers',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.deleteMeeting(ctx, actor, params.orgId, params.meetingId);
        await changed(params.meetingId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/meetings/:meetingId/control',
      summary: 'Facilitator panel: start, next, previous, open, close, reveal, hide, reset, finish, pacing',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      body: controlInput,
      response: meetingView,
      handler: async ({ actor, params, body }) => {
        const view = await service.control(ctx, actor, params.orgId, params.meetingId, body);
        await changed(params.meetingId);
        return view;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/results',
      summary: 'Aggregated results of every prompt, split by position where the disclosure rules allow',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: meetingResultsListView,
      handler: async ({ actor, params }) => ({ prompts: await meetingResults(ctx, actor, params.orgId, params.meetingId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/moderation',
      summary: 'Open answers and room questions with their moderation state',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: moderationListView,
      handler: async ({ actor, params }) => ({ items: await moderationQueue(ctx, actor, params.orgId, params.meetingId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/meetings/:meetingId/moderation',
      summary: 'Approve, hold back (with a reason), pin or mark answered',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      body: moderateInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await moderate(ctx, actor, params.orgId, params.meetingId, body);
        await bus.publish({ meetingId: params.meetingId, kind: 'answers' });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/meetings/:meetingId/moderators',
      summary: 'Make a member of the organisation co-facilitator (moderator) of this meeting',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      body: addModeratorInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await service.addModerator(ctx, actor, params.orgId, params.meetingId, body.userId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/meetings/:meetingId/moderators/:userId',
      summary: 'Take the moderating right away from a co-facilitator',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: moderatorParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.removeModerator(ctx, actor, params.orgId, params.meetingId, params.userId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/moderators',
      summary: "The meeting's co-facilitators (moderators), by name",
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: moderatorsView,
      handler: async ({ actor, params }) => service.moderatorsOf(ctx, actor, params.orgId, params.meetingId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/join',
      summary: 'The join address and its QR code (SVG) for the presenter screen',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: joinLinkView,
      handler: async ({ actor, params, req }) => {
        const meeting = await service.getMeeting(ctx, actor, params.orgId, params.meetingId);
        const url = `${baseUrl(req)}/m/${meeting.joinCode}`;
        return { url, qrSvg: await (await import('qrcode')).default.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/report.md',
      summary: 'The meeting report in Markdown: every prompt, the split results, what was held back',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: { contentType: 'text/markdown' },
      handler: async ({ actor, params, reply }) => {
        const meeting = await service.getMeeting(ctx, actor, params.orgId, params.meetingId);
        const results = await meetingResults(ctx, actor, params.orgId, params.meetingId);
        return reply
          .type('text/markdown; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="ontmoeting.md"')
          .send(meetingReportMarkdown(meeting, results, actor.language));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/meetings/:meetingId/report.pdf',
      summary: 'The meeting report as a tagged PDF (Chromium)',
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: { contentType: 'application/pdf' },
      handler: async ({ actor, params, reply }) => {
        if (!printer.available()) throw new AppError('conflict', { code: 'meetings.pdf_unavailable' });
        const meeting = await service.getMeeting(ctx, actor, params.orgId, params.meetingId);
        const results = await meetingResults(ctx, actor, params.orgId, params.meetingId);
        const footer = actor.language === 'en' ? { page: 'Page', of: 'of' } : { page: 'Pagina', of: 'van' };
        try {
          const pdf = await printer.print(meetingReportHtml(meeting, results, actor.language), footer);
          return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="ontmoeting.pdf"').send(pdf);
        } catch (error) {
          if (error instanceof PdfUnavailableError) throw new AppError('conflict', { code: 'meetings.pdf_unavailable' });
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/meetings/:meetingId/record',
      summary: "Attach the finished meeting's report to a trajectory as the record of a dialogue",
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      body: attachRecordInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await attachRecord(ctx, actor, params.orgId, params.meetingId, body.trajectoryId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/meetings/:meetingId/record',
      summary: "Take the meeting's report away from its trajectory",
      tags: ['meetings'],
      auth: 'user',
      policy: 'meetings.run',
      params: meetingParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await detachRecord(ctx, actor, params.orgId, params.meetingId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/dialogue-records',
      summary: 'The meetings attached to a trajectory as records of a dialogue (shown beside the charter)',
      tags: ['meetings', 'trajecten'],
      auth: 'user',
      policy: 'trajecten.use',
      params: trajectoryParams,
      response: dialogueRecordsView,
      handler: async ({ actor, params }) => dialogueRecords(ctx, actor, params.orgId, params.trajectoryId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/dialogue-records/:meetingId/report.md',
      summary: "A dialogue record's meeting report in Markdown, for whoever may see the trajectory",
      tags: ['meetings', 'trajecten'],
      auth: 'user',
      policy: 'trajecten.use',
      params: recordParams,
      response: { contentType: 'text/markdown' },
      handler: async ({ actor, params, reply }) => {
        const { meeting, results } = await recordReport(ctx, actor, params.orgId, params.trajectoryId, params.meetingId);
        return reply
          .type('text/markdown; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="ontmoeting.md"')
          .send(meetingReportMarkdown(meeting, results, actor.language));
      },
    }),
  ];
}
