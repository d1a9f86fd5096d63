import type { Actor, ServiceContext } from '../../core/context.ts';
import { addMemberCheck, raiseSignal, stepSignal } from '../signals/service.ts';
import { asReader, readableStories } from '../stories/access.ts';

type People = { worker: string; coordinator: string; researcher: string };

const actor = (userId: string, organisationId: string, role: string): Actor => ({ userId, language: 'nl', roles: new Map([[organisationId, role]]) });

/**
 * A few signals in different states, made through the signals service so their steps, member
 * checking, notifications and audit trail are real: one answered with feedback, one not taken up
 * and still waiting for feedback, one just raised, and a theme from coded stories being checked.
 */
export async function loadDemoSignals(ctx: ServiceContext, organisationId: string, people: People, teamId: string): Promise<void> {
  const worker = actor(people.worker, organisationId, 'member');
  const coordinator = actor(people.coordinator, organisationId, 'coordinator');
  const researcher = actor(people.researcher, organisationId, 'researcher');
  const base = { storyIds: [], memberCheck: false, sourceCodeId: null };
  // The worker's signal about waiting lists is linked to the demo stories about accessibility they may read.
  const accessStories = (await readableStories(asReader(ctx, worker), organisationId, 'view'))
    .filter((story) => story.tags.themes.includes('toegankelijkheid'))
    .slice(0, 3)
    .map((story) => story.id);

  const waiting = await raiseSignal(ctx, worker, organisationId, {
    ...base,
    storyIds: accessStories,
    title: 'Lange wachttijd voor een eerste gesprek',
    observation: 'Mensen die zich aanmelden, wachten vaak drie maanden op een eerste gesprek. Intussen haken ze af.',
    barrierFor: 'Mensen zonder netwerk die niemand hebben om op terug te vallen',
    logic: 'toegankelijke_hulpverlening',
    theme: 'toegankelijkheid',
    level: 'regional',
    teamId,
  });
  for (const [to, note] of [
    ['discussed', 'Besproken in het teamoverleg: we zien dit bij bijna alle nieuwe aanmeldingen.'],
    ['passed_on', 'Doorgegeven aan de directie en het regionale overleg.'],
    ['taken_up', 'De directie neemt het mee in het jaarplan.'],
    ['feedback_given', 'Vanaf januari is er elke woensdag een inloopmoment, waar iemand zonder afspraak terechtkan.'],
  ] as const)
    await stepSignal(ctx, coordinator, organisationId, waiting.id, { to, note });

  const pay = await raiseSignal(ctx, worker, organisationId, {
    ...base,
    title: 'Geen vergoeding voor vrijwillige ervaringswerkers',
    observation: 'Vrijwillige ervaringswerkers doen hetzelfde werk als betaalde collega’s, maar krijgen zelfs hun vervoer niet terugbetaald.',
    barrierFor: 'Ervaringswerkers in armoede',
    logic: 'burgerschap',
    theme: 'werk_en_inkomen',
    level: 'organisation',
    teamId: null,
  });
  for (const [to, note] of [
    ['discussed', ''],
    ['passed_on', 'Doorgegeven aan personeelsdienst.'],
    ['not_taken_up', 'Er is dit jaar geen budget voor. We bekijken het opnieuw bij de begroting.'],
  ] as const)
    await stepSignal(ctx, coordinator, organisationId, pay.id, { to, note });

  await raiseSignal(ctx, worker, organisationId, {
    ...base,
    title: 'De wachtzaal voelt niet veilig',
    observation: 'In de wachtzaal worden namen en redenen van een afspraak luidop afgeroepen.',
    barrierFor: 'Mensen die bang zijn om herkend te worden',
    logic: 'individuele_processen',
    theme: 'stigma',
    level: 'team',
    teamId,
  });

  const theme = await raiseSignal(ctx, researcher, organisationId, {
    ...base,
    title: 'Thema uit de verhalen: stigma bij de huisarts',
    observation: 'In meerdere verhalen vertellen mensen dat de huisarts hen anders behandelt zodra een verslaving of diagnose ter sprake komt.',
    barrierFor: 'Mensen met een psychische kwetsbaarheid of verslaving',
    logic: 'toegankelijke_hulpverlening',
    theme: 'stigma',
    level: 'local',
    teamId,
    memberCheck: true,
  });
  await addMemberCheck(ctx, worker, organisationId, theme.id, {
    stance: 'nuance',
    comment: 'Klopt, maar het gaat ook over de apotheek en de wachtzaal, niet alleen over de huisarts.',
  });
}
