import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QdaProject } from '../../src/modules/coding/refi-qda/model.ts';
import { buildQdpx } from '../../src/modules/coding/refi-qda/qdpx.ts';
import { codePointOffset, writeProjectXml } from '../../src/modules/coding/refi-qda/writer.ts';

const schema = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/modules/coding/refi-qda/Project.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint && process.env.CI) throw new Error('xmllint (Debian package libxml2-utils) is needed to check the REFI-QDA export against its schema');

/** Validates with libxml2 against the REFI-QDA schema; returns xmllint's complaints, or '' when valid. */
function schemaErrors(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-qde-'));
  const file = path.join(dir, 'project.qde');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-11-29T10:00:00.000Z';
const story = 'Ik wachtte 😔 drie maanden. Niemand belde terug & niemand "wist" het.\r\nDan kwam <de> groep.';

const project: QdaProject = {
  name: 'Kruisbestuiving — Org & co',
  origin: 'Kruisbestuiving',
  creatingUser: g(1),
  createdAt: at,
  description: 'Gecodeerde verhalen',
  users: [
    { guid: g(1), name: 'Onderzoeker' },
    { guid: g(2), name: 'Tweede "onderzoeker"' },
  ],
  codes: [
    {
      guid: g(10),
      name: 'Drie logica’s',
      description: 'Uit het kader',
      colour: '#1f77b4',
      noteGuids: [],
      children: [{ guid: g(11), name: 'Toegankelijke hulp', description: '', colour: '#ff7f0e', noteGuids: [g(40)], children: [] }],
    },
    { guid: g(12), name: 'Wachten', description: '', colour: '#2ca02c', noteGuids: [], children: [] },
  ],
  sources: [
    {
      guid: g(20),
      name: 'Verhaal: wachten',
      description: 'Positie: ervaringswerker',
      text: story,
      creatingUser: g(1),
      createdAt: at,
      selections: [
        {
          guid: g(30),
          name: 'drie maanden',
          start: story.indexOf('drie'),
          end: story.indexOf('drie') + 'drie maanden'.length,
          creatingUser: g(1),
          createdAt: at,
          codings: [
            { guid: g(31), codeGuid: g(11), creatingUser: g(1), createdAt: at },
            { guid: g(32), codeGuid: g(12), creatingUser: g(2), createdAt: at },
          ],
          noteGuids: [g(41)],
        },
      ],
    },
  ],
  notes: [
    { guid: g(40), name: 'Over de code', text: 'Memo bij de code', creatingUser: g(1), createdAt: at },
    { guid: g(41), name: 'Over het fragment', text: 'Memo <bij> het fragment', creatingUser: g(1), createdAt: at },
    { guid: g(42), name: 'Project', text: 'Memo over het project\u0007', creatingUser: g(2), createdAt: at },
  ],
  projectNoteGuids: [g(42)],
};

describe('REFI-QDA writer', () => {
  it.runIf(hasXmllint)('writes a project.qde that the REFI-QDA schema accepts', () => {
    expect(schemaErrors(writeProjectXml(project))).toBe('');
  });

  it.runIf(hasXmllint)('also accepts an empty project and a code without anything under it', () => {
    const empty: QdaProject = { ...project, users: [], codes: [], sources: [], notes: [], projectNoteGuids: [], description: '' };
    expect(schemaErrors(writeProjectXml(empty))).toBe('');
    expect(schemaErrors(writeProjectXml({ ...empty, codes: [project.codes[1] as QdaProject['codes'][number]] }))).toBe('');
  });

  it.runIf(hasXmllint)('is caught by the schema when something required is missing (the check is real)', () => {
    const broken = writeProjectXml(project).replace(' isCodable="true"', '');
    expect(schemaErrors(broken)).toMatch(/isCodable/);
  });

  it('counts positions in characters, not UTF-16 units, and escapes what XML needs', () => {
    expect(codePointOffset('a😔b', 3)).toBe(2);
    expect(codePointOffset('a😔b', 4)).toBe(3);
    const xml = writeProjectXml(project);
    const start = [...story.slice(0, story.indexOf('drie'))].length;
    expect(xml).toContain(`startPosition="${start}" endPosition="${start + 12}"`);
    expect(xml).toContain('name="Tweede &quot;onderzoeker&quot;"');
    expect(xml).toContain('Memo &lt;bij&gt; het fragment');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('<NoteRef targetGUID="00000000-0000-4000-8000-000000000042"/>\n</Project>');
  });

  it('zips project.qde with each source as an internal text file', () => {
    const files = unzipSync(buildQdpx(project));
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${g(20)}.txt`]);
    expect(strFromU8(files[`sources/${g(20)}.txt`] as Uint8Array)).toBe(story);
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    expect(xml).toContain(`plainTextPath="internal://${g(20)}.txt"`);
    const source = strFromU8(files[`sources/${g(20)}.txt`] as Uint8Array);
    const [, startText, endText] = /startPosition="(\d+)" endPosition="(\d+)"/.exec(xml) ?? [];
    expect([...source].slice(Number(startText), Number(endText)).join('')).toBe('drie maanden');
  });
});
