/**
 * The signals and coding shapes: the types of src/modules/signals and src/modules/coding (types
 * only). The value lists are the browser's own, for its forms, checked against the server's types.
 */
import type { MemberCheckStance, SignalLevel, SignalStatus } from '../../../../src/modules/signals/model.ts';

export type {
  CodeView as Code,
  CoResearchersView as CoResearchers,
  FrequenciesView as Frequencies,
  MemoView as Memo,
  MyCodingView as MyCoding,
  SegmentView as Segment,
  SourceSummary as CodingSourceSummary,
  StoryCodingView as StoryForCoding,
} from '../../../../src/modules/coding/model.ts';
export type {
  DisclosedView as Disclosed,
  MemberCheckStance as Stance,
  NotificationView as SignalNotification,
  SignalLevel,
  SignalReportView as SignalReport,
  SignalStatus,
  SignalSummary,
  SignalView as Signal,
} from '../../../../src/modules/signals/model.ts';

export const signalStatuses = [
  'member_check',
  'raised',
  'discussed',
  'passed_on',
  'taken_up',
  'not_taken_up',
  'feedback_given',
] as const satisfies readonly SignalStatus[];
export const signalLevels = ['team', 'organisation', 'local', 'regional', 'national'] as const satisfies readonly SignalLevel[];
export const stances = ['confirm', 'nuance', 'contest'] as const satisfies readonly MemberCheckStance[];
