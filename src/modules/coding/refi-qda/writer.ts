import type { QdaCode, QdaNote, QdaProject, QdaSelection, QdaSource } from './model.ts';
import { attributes, cleanXmlText, escapeText } from './xml.ts';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/**
 * REFI-QDA counts positions in characters (Unicode code points); JavaScript strings count UTF-16
 * code units, so a text with emoji or other characters outside the BMP needs converting.
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Offset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The path of a source's text inside the .qdpx archive. */
export const sourceFileName = (source: Pick<QdaSource, 'guid'>): string => `${source.guid}.txt`;

/**
 * The text as it is stored in the archive and as the positions count it: characters XML cannot
 * carry are removed from the source file too, so positions computed on the cleaned text match.
 */
export const exportedText = (text: string): string => cleanXmlText(text);

const noteRefs = (guids: string[], indent: string) => guids.map((g) => `${indent}<NoteRef${attributes({ targetGUID: g })}/>\n`).join('');

function codeXml(code: QdaCode, indent: string): string {
  const inner = [
    code.description ? `${indent}  <Description>${escapeText(code.description)}</Description>\n` : '',
    noteRefs(code.noteGuids, `${indent}  `),
    ...code.children.map((child) => codeXml(child, `${indent}  `)),
  ].join('');
  const open = `${indent}<Code${attributes({ guid: code.guid, name: code.name, isCodable: true, color: code.colour })}`;
  return inner ? `${open}>\n${inner}${indent}</Code>\n` : `${open}/>\n`;
}

function selectionXml(selection: QdaSelection, text: string, indent: string): string {
  const start = codePointOffset(text, selection.start);
  const end = codePointOffset(text, selection.end);
  const codings = selection.codings
    .map(
      (c) =>
        `${indent}  <Coding${attributes({ guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.createdAt })}>\n` +
        `${indent}    <CodeRef${attributes({ targetGUID: c.codeGuid })}/>\n` +
        `${indent}  </Coding>\n`,
    )
    .join('');
  return (
    `${indent}<PlainTextSelection${attributes({
      guid: selection.guid,
      name: selection.name,
      startPosition: start,
      endPosition: end,
      creatingUser: selection.creatingUser,
      creationDateTime: selection.createdAt,
    })}>\n` +
    codings +
    noteRefs(selection.noteGuids, `${indent}  `) +
    `${indent}</PlainTextSelection>\n`
  );
}

function sourceXml(source: QdaSource): string {
  const text = exportedText(source.text);
  return (
    `    <TextSource${attributes({
      guid: source.guid,
      name: source.name,
      plainTextPath: `internal://${sourceFileName(source)}`,
      creatingUser: source.creatingUser,
      creationDateTime: source.createdAt,
    })}>\n` +
    (source.description ? `      <Description>${escapeText(source.description)}</Description>\n` : '') +
    source.selections.map((s) => selectionXml(s, text, '      ')).join('') +
    `    </TextSource>\n`
  );
}

const noteXml = (note: QdaNote) =>
  `    <Note${attributes({ guid: note.guid, name: note.name, creatingUser: note.creatingUser, creationDateTime: note.createdAt })}>\n` +
  `      <PlainTextContent>${escapeText(note.text)}</PlainTextContent>\n` +
  `    </Note>\n`;

/** project.qde: the QDA-XML document. Elements follow the order the schema's sequence demands. */
export function writeProjectXml(project: QdaProject): string {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<Project${attributes({
      xmlns: QDA_NAMESPACE,
      name: project.name,
      origin: project.origin,
      creatingUserGUID: project.creatingUser,
      creationDateTime: project.createdAt,
    })}>\n`,
  ];
  if (project.users.length > 0)
    parts.push('  <Users>\n', ...project.users.map((u) => `    <User${attributes({ guid: u.guid, name: u.name })}/>\n`), '  </Users>\n');
  if (project.codes.length > 0) parts.push('  <CodeBook>\n    <Codes>\n', ...project.codes.map((c) => codeXml(c, '      ')), '    </Codes>\n  </CodeBook>\n');
  if (project.sources.length > 0) parts.push('  <Sources>\n', ...project.sources.map(sourceXml), '  </Sources>\n');
  if (project.notes.length > 0) parts.push('  <Notes>\n', ...project.notes.map(noteXml), '  </Notes>\n');
  if (project.description) parts.push(`  <Description>${escapeText(project.description)}</Description>\n`);
  parts.push(noteRefs(project.projectNoteGuids, '  '), '</Project>\n');
  return parts.join('');
}
