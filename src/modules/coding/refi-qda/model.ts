/** The parts of a REFI-QDA project (QDA-XML 1.0) that Kruisbestuiving exports. GUIDs are UUIDs. */

export type QdaUser = { guid: string; name: string };

export type QdaCode = {
  guid: string;
  name: string;
  description: string;
  /** #rrggbb */
  colour: string;
  noteGuids: string[];
  children: QdaCode[];
};

export type QdaCoding = { guid: string; codeGuid: string; creatingUser: string; createdAt: string };

export type QdaSelection = {
  guid: string;
  name: string;
  /** Offsets in UTF-16 code units, as JavaScript and the database keep them; the writer converts them. */
  start: number;
  end: number;
  creatingUser: string;
  createdAt: string;
  codings: QdaCoding[];
  noteGuids: string[];
};

export type QdaSource = {
  guid: string;
  name: string;
  description: string;
  text: string;
  creatingUser: string;
  createdAt: string;
  selections: QdaSelection[];
};

export type QdaNote = { guid: string; name: string; text: string; creatingUser: string; createdAt: string };

export type QdaProject = {
  name: string;
  origin: string;
  creatingUser: string;
  createdAt: string;
  description: string;
  users: QdaUser[];
  codes: QdaCode[];
  sources: QdaSource[];
  notes: QdaNote[];
  /** Notes about the project as a whole. */
  projectNoteGuids: string[];
};
