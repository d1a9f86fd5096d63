import type { ServiceContext } from '../../core/context.ts';
import { newId, newSecretToken } from '../../core/ids.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import { validateAnswers } from '../instruments/answers.ts';
import { cocreatieErvaringswerkers, cocreatieProfessionals } from '../instruments/builtin/cocreatie-in-beeld.ts';
import { insertPublishedInstrument } from '../instruments/bulk-load.ts';
import type { InstrumentDefinition } from '../instruments/definition.ts';
import { type ResolvedInstrument, resolveInstrument } from '../instruments/resolve.ts';
import { type Pick, type PostedAnswers, sampleAnswers, seededPick } from '../instruments/sample-answers.ts';
import { MISSING_MARKER } from '../rounds/answers.ts';
import { type AnswerTable, insertAnswers, insertResponses, insertRoundWithLinks, type ResponseTable, rebuildTallies } from '../rounds/bulk-load.ts';

/**
 * The demo's two rounds of "Cocreatie in beeld": 89 experience workers and 76 professionals in GGZ,
 * addiction care and youth care. The experience workers' answers to roles, status and training
 * are built so the report shows the seed's published tables exactly (Tabel 4 and "Percentages");
 * every other answer is plausible, varied and the same on every load (seeded).
 *
 * The seed's roles table has a valid n of 84 for two roles: the original survey asked each role as
 * yes/no and five people left those two blank. Those five get missing markers (answer rows with
 * `text_value = '_missing'`) written here directly; an import makes the same markers from empty 0/1 cells of an answered question.
 */

export const DEMO_ROUND_KEYS = { experienceWorkers: 'demo-ervaringswerkers', professionals: 'demo-professionals' } as const;

/** How the seed printed its figures: roles to 1 decimal, status as whole percents, training as printed. */
export const SEED_PRESENTATION = {
  tables: {
    rollen: { decimals: 1 },
    statuut: { view: 'combinations', decimals: 0 },
    opleiding: { view: 'combinations', decimals: 1, itemDecimals: { geen_opleiding: 0 } },
  },
} as const;

const EXPERIENCE_WORKERS = 89;
const PROFESSIONALS = 76;

/** A fixed shuffle (Fisher–Yates with the seeded generator). */
function shuffled<T>(list: readonly T[], pick: Pick): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

/** Sectors spread over the three fields of the seed. */
const sectorsFor = (counts: [number, number, number], seed: number) =>
  shuffled([...repeat('ggz', counts[0]), ...repeat('verslavingszorg', counts[1]), ...repeat('jeugdhulp', counts[2])], seededPick(seed));

/**
 * Roles per experience worker, reproducing Tabel 4. Respondents 0–4 left kritische_stem and
 * geen_specifieke_rol blank (missing); 5 and 6 chose only geen_specifieke_rol (it is exclusive).
 * Each other role goes to the people with the fewest roles so far, so everyone has at least one.
 */
export function seedRoles(): string[][] {
  const roles: string[][] = Array.from({ length: EXPERIENCE_WORKERS }, () => []);
  roles[5] = ['geen_specifieke_rol'];
  roles[6] = ['geen_specifieke_rol'];
  const others = Array.from({ length: EXPERIENCE_WORKERS }, (_, i) => i).filter((i) => i !== 5 && i !== 6);
  const give = (role: string, count: number, pool: number[], seed: number) => {
    const rank = new Map(shuffled(pool, seededPick(seed)).map((p, i) => [p, i]));
    const chosen = [...pool].sort((a, b) => (roles[a]?.length ?? 0) - (roles[b]?.length ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0)).slice(0, count);
    for (const p of chosen) roles[p]?.push(role);
  };
  give(
    'kritische_stem',
    41,
    others.filter((i) => i >= 7),
    11,
  );
  const counts: [string, number][] = [
    ['brugfiguur', 39],
    ['signaalfunctie', 17],
    ['ondersteuning', 55],
    ['leefwereld', 25],
    ['toegankelijkheid', 20],
    ['beleidsbeinvloeding', 33],
    ['beeldvorming_beinvloeden', 31],
  ];
  for (const [i, [role, count]] of counts.entries()) give(role, count, others, 12 + i);
  return roles;
}

/** Status as combinations (valid n 88): the counts that give every printed percentage, one combination the slide leaves out, one blank. */
export function seedStatus(): (string[] | null)[] {
  return shuffled(
    [
      ...repeat(['vrijwilliger'], 49),
      ...repeat(['betaalde_werknemer'], 25),
      ...repeat(['zelfstandige'], 3),
      ...repeat(['geen_statuut'], 4),
      ...repeat(['vrijwilliger', 'betaalde_werknemer'], 4),
      ['betaalde_werknemer', 'zelfstandige'],
      ['vrijwilliger', 'geen_statuut'],
      ['vrijwilliger', 'zelfstandige'],
      null,
    ],
    seededPick(21),
  );
}

/** Training: 23, 44, 14 and 8 of 89. */
export function seedTraining(): string[][] {
  return shuffled(
    [
      ...repeat(['geen_opleiding'], 23),
      ...repeat(['opleiding_ervaringswerk'], 44),
      ...repeat(['professionele_opleiding'], 14),
      ...repeat(['opleiding_ervaringswerk', 'professionele_opleiding'], 8),
    ],
    seededPick(22),
  );
}

async function publishBuiltin(ctx: ServiceContext, organisationId: string, definition: InstrumentDefinition, createdBy: string) {
  const resolved = resolveInstrument(definition, (key, version) => getBuiltinFramework(key, version));
  if (!resolved.ok) throw new Error(`the built-in form ${definition.key} does not resolve`);
  const instrumentId = newId();
  const versionId = newId();
  const now = ctx.clock.now().toISOString();
  await insertPublishedInstrument(ctx.db, { organisationId, definition, resolved: resolved.instrument, createdBy, now, instrumentId, versionId });
  return { versionId, instrument: resolved.instrument };
}

type RoundPlan = {
  key: string;
  name: string;
  definition: InstrumentDefinition;
  count: number;
  seed: number;
  presentation: object | null;
  /** Sets the answers the seed prints, after the sampled ones; returns rows to leave out and extra rows. */
  answersFor: (i: number, answers: PostedAnswers) => void;
  adjustRows?: (i: number, rows: Omit<AnswerTable, 'response_id'>[]) => Omit<AnswerTable, 'response_id'>[];
};

async function insertRoundWithResponses(ctx: ServiceContext, organisationId: string, createdBy: string, teamIds: string[], plan: RoundPlan): Promise<string> {
  const { versionId, instrument } = await publishBuiltin(ctx, organisationId, plan.definition, createdBy);
  const roundId = newId();
  const now = ctx.clock.now().toISOString();
  const round: RoundTable = {
    id: roundId,
    organisation_id: organisationId,
    instrument_version_id: versionId,
    name: plan.name,
    key: plan.key,
    presentation: plan.presentation ? JSON.stringify(plan.presentation) : null,
    closes_on: '2026-10-31',
    open_text_export: 0,
    status: 'closed',
    created_by: createdBy,
    created_at: now,
  };
  const links = [null, ...teamIds].map((teamId) => ({ id: newId(), round_id: roundId, team_id: teamId, token: newSecretToken(), created_at: now }));
  await insertRoundWithLinks(ctx.db, round, links);
  const responses: ResponseTable[] = [];
  const answers: AnswerTable[] = [];
  for (let i = 0; i < plan.count; i++) {
    const raw = responseAnswers(instrument, plan, i);
    const result = validateAnswers(instrument, raw, 'nl');
    if (!result.ok) throw new Error(`demo response ${plan.key}#${i}: ${JSON.stringify(result.issues)}`);
    const rows = result.rows.map((r) => ({ question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text }));
    const link = links[i % links.length] ?? links[0];
    const id = newId();
    const day = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
    responses.push({
      id,
      round_id: roundId,
      link_id: link?.id ?? '',
      team_id: link?.team_id ?? null,
      instrument_version_id: versionId,
      language: 'nl',
      consent_version: 'demo',
      status: 'complete',
      started_on: day,
      submitted_on: day,
      resume_code_hash: null,
    });
    for (const row of plan.adjustRows ? plan.adjustRows(i, rows) : rows) answers.push({ response_id: id, ...row });
  }
  await insertResponses(ctx.db, responses);
  await insertAnswers(ctx.db, answers);
  await rebuildTallies(ctx.db, [roundId]);
  return roundId;
}

function responseAnswers(instrument: ResolvedInstrument, plan: RoundPlan, i: number): PostedAnswers {
  const answers = sampleAnswers(instrument, seededPick(plan.seed + i));
  plan.answersFor(i, answers);
  return answers;
}

/** Creates the two published forms and the two demo rounds with their responses. */
export async function loadDemoRounds(ctx: ServiceContext, organisationId: string, createdBy: string, teamIds: string[]): Promise<void> {
  const roles = seedRoles();
  const status = seedStatus();
  const training = seedTraining();
  const ewSectors = sectorsFor([40, 27, 22], 31);
  const proSectors = sectorsFor([34, 24, 18], 32);
  const withSector = (answers: PostedAnswers, sector: string | undefined) => {
    answers.sector = sector ?? 'ggz';
    delete answers.sector_anders;
  };
  await insertRoundWithResponses(ctx, organisationId, createdBy, teamIds, {
    key: DEMO_ROUND_KEYS.experienceWorkers,
    name: 'Cocreatie in beeld — ervaringswerkers (demo)',
    definition: cocreatieErvaringswerkers,
    count: EXPERIENCE_WORKERS,
    seed: 1000,
    presentation: SEED_PRESENTATION,
    answersFor: (i, answers) => {
      withSector(answers, ewSectors[i]);
      answers.rollen = roles[i] ?? [];
      answers.statuut = status[i] ?? ['vrijwilliger'];
      answers.opleiding = training[i] ?? [];
    },
    adjustRows: (i, rows) => [
      // The one respondent who left status blank (the form asks it; the original survey did not require it).
      ...rows.filter((r) => !(r.question === 'statuut' && status[i] === null)),
      ...(i < 5
        ? ['kritische_stem', 'geen_specifieke_rol'].map((option) => ({
            question: 'rollen',
            item: null,
            option,
            number_value: null,
            text_value: MISSING_MARKER,
          }))
        : []),
    ],
  });
  await insertRoundWithResponses(ctx, organisationId, createdBy, teamIds, {
    key: DEMO_ROUND_KEYS.professionals,
    name: 'Cocreatie in beeld — professionals (demo)',
    definition: cocreatieProfessionals,
    count: PROFESSIONALS,
    seed: 5000,
    presentation: null,
    answersFor: (i, answers) => withSector(answers, proSectors[i]),
  });
}
