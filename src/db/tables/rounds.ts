export interface RoundTable {
  id: string;
  organisation_id: string;
  instrument_version_id: string;
  name: string;
  /**
   * Short name unique within the organisation (`voorjaar-2027`), for addresses and the command line.
   * Null only for rows written without one (old test fixtures); shown as the id then.
   */
  key: string | null;
  /** JSON of the round's published presentation (see analysis/presentation.ts), or null: the defaults. */
  presentation: string | null;
  /** The last day (YYYY-MM-DD, inclusive) on which answers are taken. */
  closes_on: string;
  open_text_export: number;
  status: string;
  created_by: string;
  created_at: string;
  /** Whether members see the results (small groups hidden): now | after_closing | from_date | not. Defaults to now. */
  results_shared?: string;
  /** For from_date: the first day (YYYY-MM-DD) the results are shared. */
  results_shared_from?: string | null;
  /** members | public (also by the link with `results_token`, without signing in). */
  results_audience?: string;
  results_token?: string | null;
}

export interface RoundLinkTable {
  id: string;
  round_id: string;
  team_id: string | null;
  token: string;
  created_at: string;
}

export interface ResponseTable {
  id: string;
  round_id: string;
  link_id: string;
  team_id: string | null;
  instrument_version_id: string;
  language: string;
  consent_version: string;
  status: string;
  started_on: string;
  submitted_on: string | null;
  resume_code_hash: string | null;
  /** The page of the last "save and continue later"; the resume code brings the person back there. */
  resume_page?: number | null;
  /** Hash of the respondent's browser secret (cookie) and the response id; see rounds/draft-owner.ts. */
  owner_hash?: string | null;
  /** A complete response's tally keys as hashes, 4 bytes each (rounds/tally-hashes.ts); null for a draft. */
  tally_hashes?: Uint8Array | null;
}

/**
 * Long format: one row per response × question × item × option or value.
 * Missing marker: for a multiple-choice question asked as yes/no per option (a checkbox grid, an
 * imported 0/1 column), a respondent may have left one option blank. That is stored as a row with
 * `option = <key>` and `text_value = '_missing'`; analysis counts it out of that option's valid n
 * (valid n of an option = respondents who answered the question − those with a marker for it).
 * A marker is not a choice. A respondent who left every option blank gets no rows at all.
 */
export interface AnswerTable {
  response_id: string;
  question: string;
  item: string | null;
  option: string | null;
  number_value: number | null;
  text_value: string | null;
}

/** Per-round tallies of complete responses (see tallies.ts); '' stands for "none" in the key columns. */
export interface AnswerValueTallyTable {
  round_id: string;
  team_key: string;
  question: string;
  item_key: string;
  option_key: string;
  value_key: string;
  marker: number;
  n: number;
}

export interface AnswerAnsweredTallyTable {
  round_id: string;
  team_key: string;
  question: string;
  item_key: string;
  n: number;
}

/** `options_key`: the options a respondent chose on the question, sorted, separated by one space. */
export interface AnswerChoiceSetTallyTable {
  round_id: string;
  team_key: string;
  question: string;
  options_key: string;
  n: number;
}

export interface RoundsTables {
  rounds: RoundTable;
  round_links: RoundLinkTable;
  responses: ResponseTable;
  answers: AnswerTable;
  answer_value_tallies: AnswerValueTallyTable;
  answer_answered_tallies: AnswerAnsweredTallyTable;
  answer_choice_set_tallies: AnswerChoiceSetTallyTable;
}
