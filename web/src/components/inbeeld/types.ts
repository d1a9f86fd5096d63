/**
 * The shapes of the In beeld API (instruments, rounds, frameworks): the types inferred from the zod
 * models in src/modules/{instruments,rounds,frameworks}/model.ts and the definition format of
 * src/modules/instruments/definition.ts, imported as types only so no server code reaches the bundle.
 */
import type { VersionSummaryView } from '../../../../src/modules/instruments/model.ts';

export type { FrameworkCode, FrameworkView as Framework } from '../../../../src/modules/frameworks/model.ts';
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
export type {
  InstrumentDetailView as InstrumentDetail,
  InstrumentListItemView as InstrumentListItem,
  VersionSummaryView as VersionSummary,
  VersionView,
} from '../../../../src/modules/instruments/model.ts';
export type {
  RoundDetailView as RoundDetail,
  RoundLinkView as RoundLink,
  RoundView as Round,
  SharedResultView as SharedResult,
} from '../../../../src/modules/rounds/model.ts';
export type { ResultSharingMode } from '../../../../src/modules/rounds/result-sharing.ts';
export type VersionStatus = VersionSummaryView['status'];

/** The two built-in forms that can be copied (POST /api/orgs/:orgId/instruments with copyOf). */
export const builtinForms = ['cocreatie-ervaringswerkers', 'cocreatie-professionals'] as const;
export type BuiltinForm = (typeof builtinForms)[number];
