import type { LightMyRequestResponse } from 'fastify';
import type { ServiceContext } from '../../src/core/context.ts';
import { newId, newSecretToken } from '../../src/core/ids.ts';
import type { AnswerTable, ResponseTable } from '../../src/db/tables/rounds.ts';
import type { App } from '../../src/http/app.ts';
import { getBuiltinFramework } from '../../src/modules/frameworks/builtin.shared.ts';
import { validateAnswers } from '../../src/modules/instruments/answers.ts';
import { cocreatieErvaringswerkers } from '../../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { resolveInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import * as store from '../../src/modules/instruments/store.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { type LinkContext, openLink } from '../../src/modules/rounds/respondent.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import type { Client, createTestApp } from './app.ts';
import { makeOrganisation, makeTeam, makeUser } from './factories.ts';

/** Answers for every question a respondent would see, the first choice everywhere. */
export const completeAnswers = (instrument: ResolvedInstrument) => sampleAnswers(instrument);

export const formEncode = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
};

/** A browser's cookies: the respondent's draft belongs to the browser that started it. */
export type CookieJar = Map<string, string>;

const withJar = async (jar: CookieJar | undefined, send: (cookie: string) => Promise<LightMyRequestResponse>) => {
  const response = await send([...(jar ?? [])].map(([k, v]) => `${k}=${v}`).join('; '));
  for (const c of response.cookies as { name: string; value: string }[]) jar?.set(c.name, c.value);
  return response;
};

/** Posts a plain HTML form, as a browser without JavaScript does (with its cookies, when given a jar). */
export const postForm = (app: App, url: string, fields: Record<string, string | string[]>, jar?: CookieJar) =>
  withJar(jar, (cookie) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: formEncode(fields) }),
  );

/** Opens a page as a browser does, with its cookies. */
export const getPage = (app: App, url: string, jar?: CookieJar, headers: Record<string, string> = {}) =>
  withJar(jar, (cookie) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }));

/** As a researcher: the experience workers' form copied, published, and a round opened on it. */
export async function openRound(client: Client, organisationId: string, options: { teamIds?: string[]; closesOn?: string } = {}) {
  const created = await client.post(`/api/orgs/${organisationId}/instruments`, {
    copyOf: 'cocreatie-ervaringswerkers',
    key: `ronde-${crypto.randomUUID().slice(0, 8)}`,
  });
  if (created.statusCode !== 200) throw new Error(`instrument: ${created.body}`);
  const instrument = created.json();
  const published = await client.post(`/api/orgs/${organisationId}/instruments/${instrument.id}/versions/1/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
  const round = await client.post(`/api/orgs/${organisationId}/rounds`, {
    instrumentVersionId: published.json().id,
    name: 'Voorjaar 2027',
    closesOn: options.closesOn ?? '2999-12-31',
    teamIds: options.teamIds ?? [],
  });
  if (round.statusCode !== 200) throw new Error(`round: ${round.body}`);
  const detail = (await client.get(`/api/orgs/${organisationId}/rounds/${round.json().id}`)).json();
  return { round: detail, token: new URL(detail.links[0].url).pathname.split('/')[2] as string, versionId: published.json().id as string };
}

export type { createTestApp };

/** A published version of the experience workers' form, written straight to the tables. */
export async function makePublishedVersion(ctx: ServiceContext, organisationId: string): Promise<string> {
  const instrumentId = newId();
  const versionId = newId();
  const key = `gepubliceerd-${instrumentId.slice(0, 8)}`;
  const definition = { ...cocreatieErvaringswerkers, key };
  const resolved = resolveInstrument(definition, (framework, version) => getBuiltinFramework(framework, version));
  if (!resolved.ok) throw new Error('the built-in form does not resolve');
  const now = new Date().toISOString();
  await store.insertInstrument(ctx.db, {
    id: instrumentId,
    organisation_id: organisationId,
    key,
    title_nl: definition.title.nl,
    title_en: definition.title.en,
    created_by: null,
    created_at: now,
  });
  await store.insertVersion(ctx.db, {
    id: versionId,
    instrument_id: instrumentId,
    version: 1,
    status: 'published',
    definition: JSON.stringify(definition),
    resolved_definition: JSON.stringify(resolved.instrument),
    created_by: null,
    created_at: now,
    updated_at: now,
    published_at: now,
    published_by: null,
  });
  return versionId;
}

/** A round row with one organisation-wide link, written straight to the tables. */
export async function makeRound(
  ctx: ServiceContext,
  organisationId: string,
  versionId: string,
  createdBy: string,
): Promise<{ roundId: string; token: string }> {
  const roundId = newId();
  const token = newSecretToken();
  const now = new Date().toISOString();
  await ctx.db
    .insertInto('rounds')
    .values({
      id: roundId,
      organisation_id: organisationId,
      instrument_version_id: versionId,
      name: 'Ronde',
      closes_on: '2999-12-31',
      open_text_export: 0,
      status: 'open',
      created_by: createdBy,
      created_at: now,
    })
    .execute();
  await ctx.db.insertInto('round_links').values({ id: newId(), round_id: roundId, team_id: null, token, created_at: now }).execute();
  return { roundId, token };
}

/** A response row (complete unless said otherwise) of 2027-01-15, through the link, without a team. */
export const responseRow = ({
  id,
  roundId,
  linkId,
  versionId,
  status = 'complete',
}: {
  id: string;
  roundId: string;
  linkId: string;
  versionId: string;
  status?: string;
}): ResponseTable => ({
  id,
  round_id: roundId,
  link_id: linkId,
  team_id: null,
  instrument_version_id: versionId,
  language: 'nl',
  consent_version: 'proef',
  status,
  started_on: '2027-01-15',
  submitted_on: status === 'complete' ? '2027-01-15' : null,
  resume_code_hash: null,
});

/** `count` complete responses of the built-in form through the round's organisation-wide link, answers as `sampleAnswers` picks them with seed i. */
export async function insertSampleResponses(ctx: ServiceContext, { roundId, versionId, count }: { roundId: string; versionId: string; count: number }) {
  const resolved = resolveInstrument(cocreatieErvaringswerkers, (framework, version) => getBuiltinFramework(framework, version));
  if (!resolved.ok) throw new Error('the built-in form does not resolve');
  const instrument = resolved.instrument;
  const link = await ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
  const responses: ResponseTable[] = [];
  const answers: AnswerTable[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const result = validateAnswers(instrument, sampleAnswers(instrument, seededPick(i)), 'nl');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    responses.push(responseRow({ id, roundId, linkId: link.id, versionId }));
    for (const r of result.rows)
      answers.push({ response_id: id, question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text });
  }
  for (let i = 0; i < responses.length; i += 100)
    await ctx.db
      .insertInto('responses')
      .values(responses.slice(i, i + 100))
      .execute();
  await insertAnswers(ctx.db, answers);
}

/** An organisation with a researcher and a round of `count` complete sample responses, written straight to the tables; their ids in id order. */
export async function sampleRoundResponses(ctx: ServiceContext, count: number): Promise<string[]> {
  const org = await makeOrganisation(ctx, 'Het Anker');
  const user = await makeUser(ctx, { organisationId: org, role: 'researcher' });
  const versionId = await makePublishedVersion(ctx, org);
  const { roundId } = await makeRound(ctx, org, versionId, user.id);
  await insertSampleResponses(ctx, { roundId, versionId, count });
  return (await ctx.db.selectFrom('responses').select('id').where('round_id', '=', roundId).orderBy('id').execute()).map((r) => r.id);
}

/**
 * An organisation with a researcher and a team, the built-in form published, and a round with an
 * organisation-wide link and a link for the team, both opened as a respondent opens them.
 */
export async function makeRoundWithTeamLink(ctx: ServiceContext) {
  const org = await makeOrganisation(ctx);
  const user = await makeUser(ctx, { organisationId: org, role: 'researcher' });
  const teamId = await makeTeam(ctx, org);
  const versionId = await makePublishedVersion(ctx, org);
  const round = await makeRound(ctx, org, versionId, user.id);
  const teamToken = newSecretToken();
  await ctx.db
    .insertInto('round_links')
    .values({ id: newId(), round_id: round.roundId, team_id: teamId, token: teamToken, created_at: new Date().toISOString() })
    .execute();
  const links = [await openLink(ctx, publishedInstruments, round.token), await openLink(ctx, publishedInstruments, teamToken)] as LinkContext[];
  const instrument = links[0]?.published.instrument;
  if (!instrument) throw new Error('no instrument');
  return { org, userId: user.id, teamId, versionId, roundId: round.roundId, token: round.token, links, instrument };
}
