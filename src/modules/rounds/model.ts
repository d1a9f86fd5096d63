import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { idSchema } from '../../core/schemas.ts';
import { resultAudiences, resultSharingModes } from './result-sharing.ts';

export const isoDateSchema = z.iso.date();

/** A round's short key: lower-case letters, digits and hyphens (`voorjaar-2027`). */
export const roundKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/);

/** Whether and when the round's results are shared with the people it asked, and with whom. */
export const resultSharingInput = z
  .strictObject({
    shared: z.enum(resultSharingModes),
    /** For `from_date`: the first day the results are shared. */
    from: isoDateSchema.nullable().default(null),
    /** members: signed-in members of the organisation; public: also by a link without signing in. */
    audience: z.enum(resultAudiences).default('members'),
  })
  .refine((v) => v.shared !== 'from_date' || v.from !== null, { path: ['from'], message: 'date_required' });
export type ResultSharingInput = z.infer<typeof resultSharingInput>;

export const createRoundInput = z.strictObject({
  instrumentVersionId: idSchema,
  name: z.string().trim().min(1).max(200),
  /** Made from the name when left out (and made unique within the organisation). */
  key: roundKeySchema.optional(),
  closesOn: isoDateSchema,
  /** One link for the whole organisation, and one per team listed here. */
  teamIds: z.array(idSchema).max(200).default([]),
  organisationLink: z.boolean().default(true),
  openTextExport: z.boolean().default(false),
  /** Left out: the results are shared with members right away (small groups hidden). */
  results: resultSharingInput.optional(),
});
export type CreateRoundInput = z.infer<typeof createRoundInput>;

export const updateRoundInput = z.strictObject({
  closesOn: isoDateSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** Whether open answers go into data exports. Can be switched on only while nobody has answered yet (respondents were told). */
  openTextExport: z.boolean().optional(),
  results: resultSharingInput.optional(),
});

export const roundParams = z.strictObject({ orgId: idSchema, roundId: idSchema });

export const roundLinkView = z.object({
  id: idSchema,
  teamId: idSchema.nullable(),
  teamName: z.string().nullable(),
  url: z.string(),
  /** An SVG QR code of the url, for posters and slides. */
  qrSvg: z.string(),
  /** Null when hidden from this viewer: below the threshold (`responsesFewerThan` = k), or to protect another link's count. */
  responses: z.number().int().nullable(),
  responsesFewerThan: z.number().int().nullable(),
});
export type RoundLinkView = z.infer<typeof roundLinkView>;

export const roundView = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  instrumentVersionId: idSchema,
  instrumentTitle: z.string(),
  closesOn: z.string(),
  status: z.enum(['open', 'closed']),
  open: z.boolean(),
  openTextExport: z.boolean(),
  createdAt: z.string(),
  /** A null count is below `fewerThan`, the organisation's threshold (set for those who may not see small counts). */
  responses: z.object({ complete: z.number().int().nullable(), started: z.number().int().nullable(), fewerThan: z.number().int().nullable() }),
  results: z.object({
    shared: z.enum(resultSharingModes),
    from: z.string().nullable(),
    audience: z.enum(resultAudiences),
    /** Whether the people asked may read the results today. */
    available: z.boolean(),
    /** The public results page (`/u/<token>`), when the audience is public. */
    publicPath: z.string().nullable(),
  }),
});
export type RoundView = z.infer<typeof roundView>;
export const roundListView = z.object({ rounds: z.array(roundView) });
export const roundDetailView = roundView.extend({ links: z.array(roundLinkView) });
export type RoundDetailView = z.infer<typeof roundDetailView>;

/** The JSON way to hand in a whole response at once (the enhanced form and other clients). */
export const submissionInput = z.strictObject({
  responseId: idSchema,
  language: languageSchema,
  consentVersion: z.string().min(1).max(64),
  answers: z.record(z.string().max(200), z.unknown()),
});
export const submissionAck = z.object({ responseId: idSchema, status: z.literal('complete') });

export const roundTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
export const resumeCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/));

/** A round whose results a person may find from "In beeld". */
export const sharedResultView = z.object({
  id: idSchema,
  name: z.string(),
  instrumentTitle: z.string(),
  closesOn: z.string(),
  closed: z.boolean(),
  /** Asked the whole organisation (an organisation-wide link). */
  organisationWide: z.boolean(),
  /** The teams it asked (for a member: only their own). */
  teams: z.array(z.string()),
  shared: z.enum(resultSharingModes),
  available: z.boolean(),
});
export type SharedResultView = z.infer<typeof sharedResultView>;
export const sharedResultListView = z.object({ results: z.array(sharedResultView) });

/** The answers of this module's routes, for the web app (`import type`). */
export type RoundListView = z.infer<typeof roundListView>;
export type SharedResultListView = z.infer<typeof sharedResultListView>;
export type SubmissionAck = z.infer<typeof submissionAck>;
