/** Shapes of the signals and coding API (mirrors src/modules/signals/model.ts and src/modules/coding/model.ts). */
export const signalStatuses = ['member_check', 'raised', 'discussed', 'passed_on', 'taken_up', 'not_taken_up', 'feedback_given'] as const;
export type SignalStatus = (typeof signalStatuses)[number];
export const signalLevels = ['team', 'organisation', 'local', 'regional', 'national'] as const;
export type SignalLevel = (typeof signalLevels)[number];
export const stances = ['confirm', 'nuance', 'contest'] as const;
export type Stance = (typeof stances)[number];

export type Person = { id: string; displayName: string } | null;

export type SignalSummary = {
  id: string;
  title: string;
  status: SignalStatus;
  level: SignalLevel;
  logic: string;
  theme: string | null;
  team: { id: string; name: string } | null;
  raisedBy: Person;
  raisedByMe: boolean;
  createdAt: string;
  lastStepAt: string;
  daysWaiting: number | null;
};

export type Signal = SignalSummary & {
  observation: string;
  barrierFor: string;
  sourceCodeId: string | null;
  steps: { from: SignalStatus | null; to: SignalStatus; note: string; by: Person; at: string }[];
  memberChecks: { id: string; stance: Stance; comment: string; by: Person; at: string }[];
  stories: { id: string; title: string }[];
  canHandle: boolean;
  canCheck: boolean;
  nextStatuses: SignalStatus[];
  feedback: { note: string; at: string; by: Person } | null;
};

export type SignalNotification = {
  id: string;
  kind: 'step' | 'feedback' | 'member_check_requested' | 'member_checked';
  signalId: string;
  signalTitle: string;
  status: SignalStatus;
  at: string;
  read: boolean;
};

export type Disclosed = { count: number | null; suppressed: 'primary' | 'secondary' | null };
export type Localised = { nl: string; en: string };

export type SignalReport = {
  themes: { key: string | null; label: Localised }[];
  levels: SignalLevel[];
  cells: Disclosed[][];
  themeTotals: Disclosed[];
  levelTotals: Disclosed[];
  total: Disclosed;
  byStatus: { status: SignalStatus; count: Disclosed }[];
  disclosure: { suppressed: boolean; threshold: number; tooFew: boolean; explanation: Localised[] };
};

export type Code = {
  id: string;
  parentId: string | null;
  name: string;
  description: string;
  colour: string;
  framework: { key: string; code: string | null } | null;
  segmentCount: number;
};

export type Segment = {
  id: string;
  codeId: string;
  sourceKind: 'story' | 'reflection';
  sourceId: string;
  storyId: string;
  sourceTitle: string;
  start: number;
  end: number;
  quote: string;
  createdBy: Person;
  createdAt: string;
};

export type Memo = {
  id: string;
  targetKind: 'project' | 'code' | 'segment';
  targetId: string | null;
  title: string;
  body: string;
  createdBy: Person;
  createdAt: string;
  updatedAt: string;
};

export type CodingSourceSummary = {
  kind: 'story' | 'reflection';
  id: string;
  storyId: string;
  title: string;
  position: string | null;
  sector: string;
  length: number;
  segmentCount: number;
};

export type StoryForCoding = {
  storyId: string;
  title: string;
  pseudonym: string | null;
  sector: string;
  sources: {
    kind: 'story' | 'reflection';
    id: string;
    title: string;
    position: string | null;
    text: string;
    units: { kind: 'paragraph' | 'sentence'; start: number; end: number }[];
    segments: Segment[];
  }[];
};

type CrossTable = {
  columns: string[];
  rows: { codeId: string; name: string; cells: Disclosed[]; total: Disclosed }[];
  columnTotals: Disclosed[];
  total: Disclosed;
};
export type Frequencies = {
  unit: 'sources';
  byPosition: CrossTable;
  bySector: CrossTable;
  byCoder: CrossTable;
  disclosure: { suppressed: boolean; threshold: number; explanation: Localised[] };
};

/** GET /api/orgs/:orgId/coding/me */
export type MyCoding = { canCode: boolean; coResearcher: boolean; manages: boolean };

/** GET /api/orgs/:orgId/coding/coresearchers */
export type CoResearchers = {
  coResearchers: { userId: string; displayName: string; position: string | null; active: boolean; invitedAt: string; endedAt: string | null }[];
  candidates: { userId: string; displayName: string; position: string | null }[];
};
