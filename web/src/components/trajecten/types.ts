/**
 * The trajectory API as the browser uses it: the response types come from the server's model
 * (types only); the phase texts, the equal-position questions and the intervision methods are
 * plain data shared with the server.
 */
import type { ComparisonView } from '../../../../src/modules/analysis/model.ts';
import type { FrameworkView } from '../../../../src/modules/frameworks/model.ts';
import type { ComparisonCheckView } from '../../../../src/modules/trajecten/model.ts';

export type { LocalisedText } from '../../../../src/modules/frameworks/model.ts';
export { dialogueClusters, dialogueQuestions } from '../../../../src/modules/trajecten/equal-position.shared.ts';
export { intervisionMethods, methodOf } from '../../../../src/modules/trajecten/intervision-methods.shared.ts';
export type {
  AgreementView,
  CharterVersionView,
  SessionDetailView as SessionDetail,
  SessionSummaryView,
  TrajectoryDetailView,
  TrajectoryListView as TrajectoryList,
  TrajectorySummaryView,
} from '../../../../src/modules/trajecten/model.ts';
export { type Phase, type PhaseKey, phaseKeys, phases, type TopicKey } from '../../../../src/modules/trajecten/phases.shared.ts';

/** The part of a framework the trajectory pages read (every framework the API sends has it). */
export type Framework = Pick<FrameworkView, 'key' | 'codes'>;

/** GET …/checks/comparison: the comparison is the analysis module's comparison of the two rounds. */
export type CheckComparison = Omit<ComparisonCheckView, 'comparison'> & { comparison: ComparisonView | null };
