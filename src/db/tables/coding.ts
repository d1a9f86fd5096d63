/** Kysely table types of the coding module (see migration 0041). */

export interface CodingCodeTable {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  name: string;
  description: string;
  /** #rrggbb */
  colour: string;
  /** Set for a code taken from a framework: its key and the code's key there. */
  framework_key: string | null;
  framework_code: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CodingSegmentTable {
  id: string;
  organisation_id: string;
  code_id: string;
  /** 'story' or 'reflection'. */
  source_kind: string;
  source_id: string;
  /** The story itself, or the story the reflection is about. */
  story_id: string;
  /** Character offsets in the source text (UTF-16 code units, end exclusive). */
  start_offset: number;
  end_offset: number;
  quote: string;
  created_by: string | null;
  created_at: string;
}

export interface CodingMemoTable {
  id: string;
  organisation_id: string;
  /** 'project', 'code' or 'segment'. */
  target_kind: string;
  target_id: string | null;
  title: string;
  body: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A member invited to code with the researchers (migration 0900). Active while ended_at is null. */
export interface CodingCoresearcherTable {
  organisation_id: string;
  user_id: string;
  invited_by: string | null;
  invited_at: string;
  ended_at: string | null;
}

/** A coded stretch of a survey open answer (migration 0900): one response's answer to one question. */
export interface CodingAnswerSegmentTable {
  id: string;
  organisation_id: string;
  code_id: string;
  response_id: string;
  question: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  created_by: string | null;
  created_at: string;
}

export interface CodingTables {
  coding_codes: CodingCodeTable;
  coding_segments: CodingSegmentTable;
  coding_memos: CodingMemoTable;
  coding_coresearchers: CodingCoresearcherTable;
  coding_answer_segments: CodingAnswerSegmentTable;
}
