export interface RoundTable {
  id: string;
  organisation_id: string;
  instrument_version_id: string;
  name: string;
  /** The last day (YYYY-MM-DD, inclusive) on which answers are taken. */
  closes_on: string;
  open_text_export: number;
  status: string;
  created_by: string;
  created_at: string;
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
}

export interface AnswerTable {
  response_id: string;
  question: string;
  item: string | null;
  option: string | null;
  number_value: number | null;
  text_value: string | null;
}

export interface RoundsTables {
  rounds: RoundTable;
  round_links: RoundLinkTable;
  responses: ResponseTable;
  answers: AnswerTable;
}
