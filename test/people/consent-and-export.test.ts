import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newSecretToken } from '../../src/core/ids.ts';
import { exportForActor } from '../../src/modules/exports/service.ts';
import { getBuiltinFramework } from '../../src/modules/frameworks/builtin.shared.ts';
import { validateAnswers } from '../../src/modules/instruments/answers.ts';
import { cocreatieErvaringswerkers } from '../../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import { resolveInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { anonymityStatement } from '../../src/modules/rounds/anonymity.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeTeam, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion } from '../helpers/respondent.ts';
import { actorOf } from '../stories/helpers.ts';

const settings = { organisationName: 'Zorg Noord', teamName: 'Herstel', closesOn: '2027-06-30', openTextExport: true, disclosureThreshold: 7 };

describe('the consent text says who sees single rows and what the download holds', () => {
  it('in Dutch', () => {
    const { paragraphs } = anonymityStatement(settings, 'nl');
    expect(paragraphs).toContain(
      'Alleen de onderzoekers en beheerders van Zorg Noord zien alle getallen, ook kleine. Zij kunnen de antwoorden ook downloaden als een tabel met één rij per persoon. Daarin staan al je antwoorden, maar niet je naam. Je team staat er alleen bij als minstens 7 mensen van je team de vragenlijst invulden.',
    );
    expect(paragraphs).toContain('Wat je zelf schrijft in open vragen, staat ook in die tabel. Schrijf er geen namen in.');
    expect(paragraphs.join(' ')).not.toContain('Niemand ziet jouw antwoorden apart');
  });

  it('in English, and without a team sentence for the organisation-wide link', () => {
    const { paragraphs } = anonymityStatement({ ...settings, teamName: null, openTextExport: false }, 'en');
    expect(paragraphs).toContain(
      'Only the researchers and admins of Zorg Noord see all numbers, small ones too. They can also download the answers as a table with one row per person. It holds all your answers, but not your name.',
    );
    expect(paragraphs).toContain('What you write yourself in open questions is not in that table. It stays inside the platform.');
    expect(paragraphs.join(' ')).not.toContain('Nobody sees your answers on their own');
  });
});

const resolved = resolveInstrument(cocreatieErvaringswerkers, (key, version) => getBuiltinFramework(key, version));
if (!resolved.ok) throw new Error('the built-in form does not resolve');
const instrument = resolved.instrument;

type JsonExport = { codebook: { variables: { name: string; values: { value: number; label: string }[] }[] }; responses: Record<string, unknown>[] };

describeEachDatabase('the response-level export does what the consent text says', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg Oost');
    // Another threshold than 5, set for the organisation: the text and the export both follow it.
    await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: 6 }).where('id', '=', org).execute();
    const admin = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const versionId = await makePublishedVersion(t.ctx, org);
    roundId = newId();
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('rounds')
      .values({
        id: roundId,
        organisation_id: org,
        instrument_version_id: versionId,
        name: 'Ronde',
        closes_on: '2999-12-31',
        open_text_export: 0,
        status: 'open',
        created_by: admin.id,
        created_at: now,
      })
      .execute();
    const groups: [string | null, number][] = [
      [await makeTeam(t.ctx, org, 'Team Groot'), 6],
      [await makeTeam(t.ctx, org, 'Team Klein'), 2],
      [null, 1],
    ];
    let i = 0;
    for (const [teamId, n] of groups) {
      const linkId = newId();
      const token = newSecretToken();
      tokens.set(teamId ?? 'organisation', token);
      await t.ctx.db.insertInto('round_links').values({ id: linkId, round_id: roundId, team_id: teamId, token, created_at: now }).execute();
      for (let j = 0; j < n; j++, i++) {
        const id = newId();
        await t.ctx.db
          .insertInto('responses')
          .values({
            id,
            round_id: roundId,
            link_id: linkId,
            team_id: teamId,
            instrument_version_id: versionId,
            language: 'nl',
            consent_version: 'proef',
            status: 'complete',
            started_on: '2027-01-15',
            submitted_on: '2027-01-15',
            resume_code_hash: null,
          })
          .execute();
        const result = validateAnswers(instrument, sampleAnswers(instrument, seededPick(i)), 'nl');
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        await insertAnswers(
          t.ctx.db,
          result.rows.map((r) => ({ response_id: id, question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text })),
        );
      }
    }
  });
  afterAll(() => t.close());

  it('names a team only when at least the threshold of its people answered, as the text of that team’s link says', async () => {
    const researcher = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const file = await exportForActor(t.ctx, publishedInstruments, actorOf(researcher.id, { [org]: 'researcher' }), {
      organisationId: org,
      roundId,
      request: {
        format: 'json',
        lang: 'nl',
        tablesOnly: false,
        dutchExcel: false,
      },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of file.body) chunks.push(Buffer.from(chunk));
    const body = Buffer.concat(chunks).toString('utf8');
    const json = JSON.parse(body) as JsonExport;
    const team = json.codebook.variables.find((v) => v.name === 'team');
    expect(team?.values).toEqual([
      expect.objectContaining({ value: 0, label: 'Geen team (link van de hele organisatie)' }),
      expect.objectContaining({ value: 1, label: 'Team Groot' }),
      expect.objectContaining({ value: -1, label: 'Team niet getoond: minder dan 6 mensen van dat team vulden in' }),
    ]);
    expect(body).not.toContain('Team Klein');
    expect(json.responses.map((r) => r.team).sort()).toEqual([-1, -1, 0, 1, 1, 1, 1, 1, 1]);

    // The small team's own link promises exactly this, with the same threshold.
    const page = await t.app.inject({ method: 'GET', url: `/r/${tokens.get([...tokens.keys()][1] as string)}` });
    expect(page.body).toContain('Je team staat er alleen bij als minstens 6 mensen van je team de vragenlijst invulden.');
    expect(page.body).toContain('Alleen de onderzoekers en beheerders van Zorg Oost zien alle getallen, ook kleine.');
  });
});
