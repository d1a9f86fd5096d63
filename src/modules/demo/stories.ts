import type { Actor, ServiceContext } from '../../core/context.ts';
import { createUser, findUserIdByEmail, resetPassword } from '../accounts/service.ts';
import type { Position } from '../organisations/model.ts';
import { addMembership, setTeamMember } from '../organisations/service.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { putPhoto } from '../stories/photos.ts';
import { addEntry, createProject, publishExhibition, updateEntry, updateProject } from '../stories/photovoice.ts';
import { addReflection } from '../stories/reflections.ts';
import { changeScope, createStory, linkStories } from '../stories/service.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { demoPhoto } from './story-photos.ts';

/** Colleagues who only appear in the stories demo, so reflections come from every position. */
export const demoStoryColleagues = [
  { email: 'praktijkwerker@demo.kruisbestuiving.org', displayName: 'Sara Wouters', team: 'Team Herstel', position: 'practitioner' as Position },
  { email: 'beleid@demo.kruisbestuiving.org', displayName: 'Ilse Claes', team: 'Team Herstel', position: 'policy_officer' as Position },
];

const checklist = {
  polarisation: true,
  later_life: true,
  individualising: true,
  peer_contact: true,
  note: 'Besproken met mijn begeleider en met de groep.',
} as const;

/**
 * A few experience stories (text, photo, both), reflections from each position, links between
 * stories, and a photovoice project whose selection is published as an exhibition. Everything goes
 * through the services, so consent rules and audit apply exactly as in use.
 */
export async function loadDemoStories(
  ctx: ServiceContext,
  storage: PhotoStorage | undefined,
  organisationId: string,
  people: { experienceWorker: string; coordinator: string; admin: string },
  teamIds: ReadonlyMap<string, string>,
): Promise<void> {
  const actor = (userId: string, role: string): Actor => ({ userId, language: 'nl', roles: new Map([[organisationId, role]]) });
  const colleagues: string[] = [];
  for (const person of demoStoryColleagues) {
    let userId = await findUserIdByEmail(ctx, person.email);
    if (userId) await resetPassword(ctx, person.email, DEMO_PASSWORD);
    else userId = await createUser(ctx, { email: person.email, displayName: person.displayName, password: DEMO_PASSWORD }, null);
    await addMembership(ctx, { organisationId, userId, role: 'member', actorUserId: null });
    const teamId = teamIds.get(person.team);
    if (teamId) await setTeamMember(ctx, null, { organisationId, teamId, userId, position: person.position });
    colleagues.push(userId);
  }
  const [practitionerId, policyId] = colleagues as [string, string];
  const mo = actor(people.experienceWorker, 'member');
  const sara = actor(practitionerId, 'member');
  const ilse = actor(policyId, 'member');
  const cora = actor(people.coordinator, 'coordinator');
  const settings = { maxBytes: 20 * 1024 * 1024, maxDimension: 2000 };
  const withPhoto = async (storyId: string, scene: Parameters<typeof demoPhoto>[0], alt: string) => {
    if (storage)
      await putPhoto(ctx, storage, settings, mo, { organisationId, storyId, bytes: await demoPhoto(scene), details: { alt, people: 'nobody_recognisable' } });
  };

  const waiting = await createStory(ctx, mo, organisationId, {
    title: 'Wachten op nummer 47',
    text:
      'Drie uur zat ik in die wachtzaal. Niemand zei hoe lang het nog zou duren. Toen ik eindelijk binnen mocht, had ik nog vijf minuten.\n\n' +
      'Nu ik zelf ervaringswerker ben, zie ik hetzelfde bij de mensen die ik begeleid. Het wachten zegt iets over wie telt. Daarom vragen we nu bij de onthaalbalie of iemand even wil praten terwijl hij wacht.',
    caption: 'Het wachten zegt iets over wie telt.',
    pseudonym: 'Zwaluw',
    scope: 'organisation',
    tags: {
      knowledge_positions: ['aandoening', 'maatschappelijk'],
      logics: ['toegankelijke_hulpverlening'],
      roles: ['brugfiguur', 'leefwereld'],
      themes: ['toegankelijkheid'],
      experiential_knowledge_marks: ['verbinding_andere_verhalen', 'begrijpen_contexten', 'meer_dan_eigen_verhaal'],
    },
  });
  await withPhoto(waiting.id, 'waitingRoom', 'Een lege wachtzaal met een rij groene stoelen, een klok aan de muur en een bordje met nummer 47.');

  const coffee = await createStory(ctx, mo, organisationId, {
    title: 'Een kop koffie in het inloophuis',
    text: 'In het inloophuis vraagt niemand naar je dossier. Je krijgt koffie en iemand gaat naast je zitten. Daar begon mijn herstel: bij mensen die hetzelfde meemaakten.',
    caption: 'Hier hoef je niets te bewijzen.',
    pseudonym: 'Zwaluw',
    scope: 'team',
    tags: {
      knowledge_positions: ['biografisch'],
      logics: ['individuele_processen'],
      roles: ['ondersteuning'],
      themes: ['lotgenotencontact', 'herstel'],
      experiential_knowledge_marks: ['verbinding_andere_verhalen'],
    },
  });
  await withPhoto(coffee.id, 'coffee', 'Twee koppen koffie op een houten tafel bij een raam.');

  const door = await createStory(ctx, mo, organisationId, {
    title: 'De deur die openstaat',
    caption: 'Welkom betekent: je mag binnenkomen zonder afspraak.',
    pseudonym: 'Zwaluw',
    scope: 'organisation',
    tags: {
      knowledge_positions: [],
      logics: ['toegankelijke_hulpverlening'],
      roles: ['toegankelijkheid'],
      themes: ['toegankelijkheid'],
      experiential_knowledge_marks: [],
    },
  });
  await withPhoto(door.id, 'door', 'Een blauwe deur met een raam en een bordje met het woord welkom.');

  const letter = await createStory(ctx, mo, organisationId, {
    title: 'De brief die ik niet begreep',
    text: 'Elke maand kwam er een brief met moeilijke woorden. Ik durfde niet te bellen. Nu lezen we zulke brieven samen in de groep en sturen we onze vragen door naar de dienst.',
    pseudonym: 'Zwaluw',
    scope: 'research',
    tags: {
      knowledge_positions: ['maatschappelijk'],
      logics: ['burgerschap'],
      roles: ['signaalfunctie', 'kritische_stem'],
      themes: ['armoede'],
      experiential_knowledge_marks: ['reflectie_andere_kaders', 'meer_dan_eigen_verhaal'],
    },
  });

  const learned = await createStory(ctx, sara, organisationId, {
    title: 'Wat het wachten mij leerde',
    text: 'Als praktijkwerker zag ik de wachtzaal nooit van de andere kant. Sinds we samen met een ervaringswerker naar onze werking kijken, plannen we minder afspraken op hetzelfde uur.',
    scope: 'organisation',
    tags: { knowledge_positions: [], logics: ['toegankelijke_hulpverlening'], roles: [], themes: ['toegankelijkheid'], experiential_knowledge_marks: [] },
  });
  await linkStories(ctx, sara, organisationId, learned.id, waiting.id);
  await linkStories(ctx, mo, organisationId, waiting.id, door.id);

  await addReflection(ctx, sara, organisationId, waiting.id, {
    text: 'Ik herken de wachtzaal, maar ik zag vooral de volle agenda. Jouw verhaal laat zien wat wachten met iemand doet.',
    researchConsent: true,
    showed: { see: 'Lege stoelen en een klok.', happening: 'Mensen wachten zonder te weten hoe lang.', do: 'Bij het onthaal zeggen hoe lang het nog duurt.' },
  });
  await addReflection(ctx, cora, organisationId, waiting.id, {
    text: 'Dit neem ik mee naar het teamoverleg: wie plant de afspraken, en wie merkt de gevolgen?',
    researchConsent: true,
    showed: { our_lives: 'Wij plannen, zij wachten.', why: 'Er zijn te weinig handen en we denken in dossiers.' },
  });
  await addReflection(ctx, ilse, organisationId, waiting.id, {
    text: 'Voor het beleid is dit een signaal over toegankelijkheid. Ik stel voor om de wachttijden een maand bij te houden.',
    researchConsent: false,
  });
  await addReflection(ctx, mo, organisationId, coffee.id, { text: 'Lotgenotencontact is geen extraatje, het is waar het begint.', researchConsent: true });
  void letter;

  if (!storage) return;
  // The photovoice project: Mo consents to public use (with the media checklist) for two photos.
  await changeScope(ctx, mo, organisationId, waiting.id, { scope: 'public', mediaChecklist: checklist });
  await changeScope(ctx, mo, organisationId, coffee.id, { scope: 'public', mediaChecklist: checklist });
  const project = await createProject(ctx, cora, organisationId, {
    title: 'Wat helpt jou?',
    theme: 'Plekken en momenten die helpen',
    themeCode: 'herstel',
    description: 'Neem foto’s van plekken en momenten die jou helpen. We kiezen er samen de sterkste uit voor een tentoonstelling in de inkomhal.',
  });
  for (const story of [waiting, coffee, door]) await addEntry(ctx, mo, organisationId, project.id, story.id);
  await updateEntry(ctx, cora, {
    organisationId,
    projectId: project.id,
    storyId: waiting.id,
    input: { selected: true, groupCaption: 'Wachten zegt iets over wie telt.', sortOrder: 1 },
  });
  await updateEntry(ctx, cora, {
    organisationId,
    projectId: project.id,
    storyId: coffee.id,
    input: { selected: true, groupCaption: 'Hier hoef je niets te bewijzen.', sortOrder: 2 },
  });
  await updateProject(ctx, cora, organisationId, project.id, {
    status: 'selecting',
    exhibitionIntro:
      'Ervaringswerkers en hulpverleners van De Brug kozen samen deze foto’s. Ze tonen plekken en momenten die helpen, en plekken waar het beter kan.',
  });
  await publishExhibition(ctx, cora, organisationId, project.id);
}
