/**
 * The trajectory API as the browser uses it: the response types come from the server's model
 * (types only); the phase texts, the equal-position questions and the intervision methods are
 * plain data shared with the server.
 */

export { dialogueClusters, dialogueQuestions } from '../../../../src/modules/trajecten/equal-position.shared.ts';
export { intervisionMethods, methodOf } from '../../../../src/modules/trajecten/intervision-methods.shared.ts';
export type {
  AgreementView,
  CharterVersionView,
  SessionSummaryView,
  TrajectoryDetailView,
  TrajectorySummaryView,
} from '../../../../src/modules/trajecten/model.ts';
export { type Phase, type PhaseKey, phaseKeys, phases, type TopicKey } from '../../../../src/modules/trajecten/phases.shared.ts';

export type LocalisedText = { nl: string; en: string };
export type FrameworkCode = { key: string; label: LocalisedText; definition: LocalisedText; exclusive?: boolean };
export type Framework = { key: string; codes: FrameworkCode[] };

export type TrajectoryList = import('../../../../src/modules/trajecten/model.ts').TrajectoryListView;

export type SessionDetail = import('../../../../src/modules/trajecten/model.ts').SessionSummaryView & {
  notes: { step: number; text: string; updatedAt: string }[];
};

export type CheckComparison = {
  start: { roundId: string; roundName: string } | null;
  end: { roundId: string; roundName: string } | null;
  comparison: null | {
    a: { n: number; label: string };
    b: { n: number; label: string };
    disclosure: { suppressed: boolean; rule: LocalisedText };
    scales: { question: string; item?: string; label: string; aMean: number | null; bMean: number | null; gap: number | null; suppressed: boolean }[];
  };
};
