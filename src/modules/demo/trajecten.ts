import type { Actor, ServiceContext } from '../../core/context.ts';
import { saveAgreement } from '../trajecten/agreements-service.ts';
import { createVersion, signVersion } from '../trajecten/charter-service.ts';
import { savePosition, saveView } from '../trajecten/dialogue-service.ts';
import { createTrajectory, updateTrajectory } from '../trajecten/service.ts';
import { addSupport, saveContribution, saveMandate, saveRoles } from '../trajecten/team-service.ts';

/**
 * A demo trajectory of Team Herstel, partly done: the vision, what each member brings, a mandate,
 * roles, one explicit choice, support and a first talk on the equal position. A first charter
 * version exists and the coordinator signed it; the experience worker has not signed yet, and the
 * later phases are still open. Written through the services, so it obeys every rule and is audited.
 */
export async function loadDemoTrajectory(
  ctx: ServiceContext,
  organisationId: string,
  teamId: string,
  people: { coordinator: string; experienceWorker: string },
) {
  const as = (userId: string, role: string): Actor => ({ userId, language: 'nl', roles: new Map([[organisationId, role]]) });
  const cora = as(people.coordinator, 'coordinator');
  const mo = as(people.experienceWorker, 'member');
  const { id } = await createTrajectory(ctx, mo, organisationId, { teamId, title: 'Herstel samen vormgeven' });
  await updateTrajectory(ctx, cora, organisationId, id, {
    phase: 'vertaling',
    contextWho: 'Volwassenen in herstel na een opname, en hun naasten',
    contextSector: 'ggz',
    logics: ['individuele_processen', 'toegankelijke_hulpverlening'],
  });
  const agreement = (actor: Actor, topic: 'visie' | 'complementariteit' | 'wederzijdse_afstemming', text: string, ownerUserId: string, reviewOn: string) =>
    saveAgreement(ctx, actor, { organisationId, trajectoryId: id, input: { topic, title: '', text, options: [], reason: '', ownerUserId, reviewOn } });
  await agreement(
    mo,
    'visie',
    'We werken samen aan herstel. Ervaringskennis en professionele kennis wegen even zwaar als we beslissen hoe we mensen na een opname steunen.',
    people.experienceWorker,
    '2027-06-30',
  );
  await saveContribution(ctx, mo, organisationId, id, {
    experiential: true,
    positions: ['biografisch', 'maatschappelijk'],
    experientialNote: 'Eigen herstel na een opname; lotgenotengroep',
    professional: false,
    professionalNote: '',
    otherNote: '',
  });
  await saveContribution(ctx, cora, organisationId, id, {
    experiential: false,
    positions: [],
    experientialNote: '',
    professional: true,
    professionalNote: 'Coördinatie en netwerk in de GGZ',
    otherNote: '',
  });
  await agreement(
    cora,
    'complementariteit',
    'Niemand brengt ervaringskennis over de aandoening zelf mee: we nodigen de lotgenotengroep uit om mee te denken.',
    people.coordinator,
    '2027-03-31',
  );
  await agreement(
    mo,
    'wederzijdse_afstemming',
    'Elke twee weken een half uur afstemming, met een vaste agenda die iedereen kan aanvullen.',
    people.coordinator,
    '2027-01-31',
  );
  await saveMandate(ctx, cora, {
    organisationId,
    trajectoryId: id,
    userId: people.experienceWorker,
    input: {
      statuses: ['betaalde_werknemer'],
      mayDecide: 'De inhoud van de lotgenotengroep en de eigen agenda.',
      maySign: 'Verslagen van de lotgenotengroep.',
      informal: 'Collega’s vragen haar mening over nieuwe folders, ook al staat dat nergens beschreven.',
    },
  });
  await saveRoles(ctx, cora, organisationId, id, {
    assignments: [
      { roleKey: 'ondersteuning', userId: people.experienceWorker, hoursPerWeek: 12 },
      { roleKey: 'brugfiguur', userId: people.experienceWorker, hoursPerWeek: 4 },
      { roleKey: 'kritische_stem', userId: people.experienceWorker, hoursPerWeek: 2 },
      { roleKey: 'kritische_stem', userId: people.coordinator, hoursPerWeek: 2 },
    ],
  });
  await saveAgreement(ctx, cora, {
    organisationId,
    trajectoryId: id,
    input: {
      topic: 'keuze',
      title: 'Is de kritische stem alleen de taak van de ervaringswerker?',
      text: 'Nee: de coördinator neemt de rol mee op, en elk teamoverleg eindigt met de vraag wat we in vraag stellen.',
      options: ['Alleen de ervaringswerker', 'Het hele team, met een vaste vraag in elk overleg'],
      reason: 'Een kritische functie is een gedeelde verantwoordelijkheid.',
      ownerUserId: people.coordinator,
      reviewOn: '2027-02-28',
    },
  });
  await addSupport(ctx, cora, organisationId, id, { kind: 'intervisie', frequency: 'elke maand', byWhom: 'een externe begeleider', forWhom: 'het hele team' });
  await addSupport(ctx, cora, organisationId, id, { kind: 'coaching', frequency: 'elke twee weken', byWhom: 'een ervaren ervaringsdeskundige', forWhom: 'Mo' });
  await saveView(ctx, mo, {
    organisationId,
    trajectoryId: id,
    questionKey: 'verloning_functie_diploma',
    view: 'Volgens functie: ik doe hetzelfde werk, mijn ervaring is mijn opleiding.',
  });
  await saveView(ctx, cora, {
    organisationId,
    trajectoryId: id,
    questionKey: 'verloning_functie_diploma',
    view: 'Volgens functie, maar de barema’s van de organisatie vragen een diploma. Dat moeten we eerst uitklaren.',
  });
  await savePosition(ctx, cora, {
    organisationId,
    trajectoryId: id,
    questionKey: 'verloning_functie_diploma',
    input: {
      position: 'We verlonen volgens functie en vragen de directie om de barema’s daarop aan te passen.',
      reason: 'Gelijk werk verdient gelijk loon; levenservaring telt mee.',
    },
  });
  await createVersion(ctx, cora, organisationId, id, 'nl');
  await signVersion(ctx, cora, organisationId, id, 1);
  return id;
}
