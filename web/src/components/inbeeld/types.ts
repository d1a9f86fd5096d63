/**
 * The shapes of the In beeld API (instruments, rounds, frameworks). They mirror the zod models in
 * src/modules/{instruments,rounds,frameworks}/model.ts; the definition format itself is imported as
 * types only from src/modules/instruments/definition.ts, so no server code reaches the bundle.
 */
export type {
  Condition,
  FrameworkItems,
  FrameworkOptions,
  InlineOption,
  InstrumentDefinition,
  LocalisedText,
  MatrixItem,
  Question,
  QuestionType,
  Section,
} from '../../../../src/modules/instruments/definition.ts';

type Text = { nl: string; en: string };

export type VersionStatus = 'draft' | 'published';

export type InstrumentListItem = {
  builtin: boolean;
  id: string | null;
  key: string;
  title: Text;
  published: { id: string; version: number; publishedAt: string } | null;
  draft: { id: string; version: number; updatedAt: string } | null;
};

export type VersionSummary = { id: string; version: number; status: VersionStatus; createdAt: string; updatedAt: string; publishedAt: string | null };
export type InstrumentDetail = { id: string; key: string; title: Text; createdAt: string; versions: VersionSummary[] };
export type VersionView = VersionSummary & { instrumentId: string; definition: Record<string, unknown>; resolved: Record<string, unknown> | null };

export type FrameworkCode = { key: string; label: Text; definition: Text; exclusive?: boolean };
export type Framework = { key: string; version: number; scope: string; name: Text; description: Text; codes: FrameworkCode[]; extendsKey?: string | null };

export type Round = {
  id: string;
  name: string;
  instrumentVersionId: string;
  instrumentTitle: string;
  closesOn: string;
  status: 'open' | 'closed';
  /** Open and its last day has not passed: it takes answers. */
  open: boolean;
  openTextExport: boolean;
  createdAt: string;
  /** A null count is below `fewerThan` (the organisation's threshold), for those who may not see small counts. */
  responses: { complete: number | null; started: number | null; fewerThan: number | null };
  results: ResultSharing & { available: boolean; publicPath: string | null };
};
export type ResultSharingMode = 'now' | 'after_closing' | 'from_date' | 'not';
export type ResultSharing = { shared: ResultSharingMode; from: string | null; audience: 'members' | 'public' };
/** A round whose results someone may read (GET /api/orgs/:orgId/results). */
export type SharedResult = {
  id: string;
  name: string;
  instrumentTitle: string;
  closesOn: string;
  closed: boolean;
  organisationWide: boolean;
  teams: string[];
  shared: ResultSharingMode;
  available: boolean;
};
export type RoundLink = {
  id: string;
  teamId: string | null;
  teamName: string | null;
  url: string;
  qrSvg: string;
  /** null: hidden; below `responsesFewerThan` when that is set, else hidden so that another link's count cannot be worked out. */
  responses: number | null;
  responsesFewerThan: number | null;
};
export type RoundDetail = Round & { links: RoundLink[] };

/** The two built-in forms that can be copied (POST /api/orgs/:orgId/instruments with copyOf). */
export const builtinForms = ['cocreatie-ervaringswerkers', 'cocreatie-professionals'] as const;
export type BuiltinForm = (typeof builtinForms)[number];
