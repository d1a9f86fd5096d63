import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/core/context.ts';
import { asReader, readableReflections, readableStories, readableStory } from '../../src/modules/stories/access.ts';
import { addReflection } from '../../src/modules/stories/reflections.ts';
import { changeScope, createStory, linkStories, updateStory, withdrawStory } from '../../src/modules/stories/service.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { auditActions } from '../helpers/factories.ts';
import { type Cast, contextFor, makeCast } from './helpers.ts';

const checklist = { polarisation: true, later_life: true, individualising: true, peer_contact: true } as const;

describeEachDatabase('stories: storage, consent scopes and the access API', (dialect) => {
  let ctx: ServiceContext;
  let close: () => Promise<void>;
  let c: Cast;

  beforeAll(async () => {
    const opened = await openTestDatabase(dialect);
    ctx = contextFor(opened.handle);
    close = opened.close;
    c = await makeCast(ctx);
  });
  afterAll(() => close());

  it('stores a story with its tags, the author position and the day only', async () => {
    const story = await createStory(ctx, c.author, c.org, {
      title: 'De wachtzaal',
      text: 'Ik zat drie uur te wachten.',
      scope: 'team',
      tags: {
        knowledge_positions: ['aandoening'],
        logics: ['toegankelijke_hulpverlening'],
        roles: ['brugfiguur'],
        themes: [],
        experiential_knowledge_marks: ['begrijpen_contexten'],
      },
    });
    expect(story).toMatchObject({
      teamId: c.teamA,
      teamName: 'Team Noord',
      authorPosition: 'experience_worker',
      scope: 'team',
      isOwn: true,
      author: { userId: c.author.userId, displayName: 'An Auteur' },
    });
    expect(story.tags.knowledge_positions).toEqual(['aandoening']);
    expect(story.tags.experiential_knowledge_marks).toEqual(['begrijpen_contexten']);
    expect(story.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(
      createStory(ctx, c.author, c.org, {
        title: 'x',
        scope: 'private',
        tags: { knowledge_positions: ['bestaat_niet'], logics: [], roles: [], themes: [], experiential_knowledge_marks: [] },
      }),
    ).rejects.toMatchObject({ id: 'validation_failed' });
  });

  it('team scope is read by the team only; research purpose needs research consent and is anonymised', async () => {
    const story = await createStory(ctx, c.author, c.org, { title: 'Team', text: 'Alleen voor het team', scope: 'team' });
    const ids = async (actor: typeof c.author, purpose: 'view' | 'research' = 'view') =>
      (await readableStories(asReader(ctx, actor), c.org, purpose)).map((s) => s.id);
    expect(await ids(c.teammate)).toContain(story.id);
    expect(await ids(c.otherTeam)).not.toContain(story.id);
    expect(await ids(c.admin)).not.toContain(story.id);
    await expect(readableStories(asReader(ctx, c.outsider), c.org, 'view')).rejects.toMatchObject({ id: 'not_found' });
    await expect(readableStories(asReader(ctx, c.teammate), c.org, 'research')).rejects.toMatchObject({ id: 'forbidden' });
    expect(await ids(c.researcher, 'research')).not.toContain(story.id);

    await changeScope(ctx, c.author, c.org, story.id, { scope: 'research' });
    expect(await ids(c.otherTeam)).toContain(story.id);
    const forResearch = await readableStory(asReader(ctx, c.researcher), c.org, story.id, 'research');
    expect(forResearch.author).toBeNull();
    expect(forResearch.isOwn).toBe(false);
    // A researcher never sees who wrote it, not even in the ordinary view; an admin does.
    expect((await readableStory(asReader(ctx, c.researcher), c.org, story.id, 'view')).author).toBeNull();
    expect((await readableStory(asReader(ctx, c.admin), c.org, story.id, 'view')).author?.displayName).toBe('An Auteur');

    await withdrawStory(ctx, c.author, c.org, story.id);
    expect(await ids(c.teammate)).not.toContain(story.id);
    expect(await ids(c.researcher, 'research')).not.toContain(story.id);
    expect(await ids(c.author)).toContain(story.id);
    expect(await auditActions(ctx, c.org)).toEqual(expect.arrayContaining(['story.created', 'story.scope_changed', 'story.withdrawn']));
  });

  it('public use needs the media checklist; leaving public forgets it', async () => {
    const story = await createStory(ctx, c.author, c.org, { title: 'Publiek', text: 'Voor de tentoonstelling', scope: 'organisation' });
    await expect(changeScope(ctx, c.author, c.org, story.id, { scope: 'public' })).rejects.toMatchObject({ id: 'validation_failed' });
    await changeScope(ctx, c.author, c.org, story.id, { scope: 'public', mediaChecklist: checklist });
    const exhibition = asReader(ctx, null);
    expect((await readableStories(exhibition, c.org, 'exhibition')).map((s) => s.id)).toContain(story.id);
    expect((await readableStory(exhibition, c.org, story.id, 'exhibition')).author).toBeNull();
    await changeScope(ctx, c.author, c.org, story.id, { scope: 'research' });
    await expect(readableStory(exhibition, c.org, story.id, 'exhibition')).rejects.toMatchObject({ id: 'not_found' });
    await expect(changeScope(ctx, c.author, c.org, story.id, { scope: 'public' })).rejects.toMatchObject({ id: 'validation_failed' });
  });

  it('only the author changes a story; readers get 403, others 404', async () => {
    const story = await createStory(ctx, c.author, c.org, { title: 'Van mij', scope: 'organisation' });
    await expect(updateStory(ctx, c.teammate, c.org, story.id, { title: 'Gekaapt' })).rejects.toMatchObject({ id: 'forbidden' });
    await expect(withdrawStory(ctx, c.admin, c.org, story.id)).rejects.toMatchObject({ id: 'forbidden' });
    await expect(withdrawStory(ctx, c.outsider, c.org, story.id)).rejects.toMatchObject({ id: 'not_found' });
    const secret = await createStory(ctx, c.author, c.org, { title: 'Geheim', scope: 'private' });
    await expect(updateStory(ctx, c.admin, c.org, secret.id, { title: 'x' })).rejects.toMatchObject({ id: 'not_found' });
  });

  it('links are shown only when both ends are readable; reflections follow the story', async () => {
    const shared = await createStory(ctx, c.author, c.org, { title: 'Gedeeld', scope: 'organisation' });
    const team = await createStory(ctx, c.author, c.org, { title: 'Team', scope: 'team' });
    await linkStories(ctx, c.author, c.org, shared.id, team.id);
    expect((await readableStory(asReader(ctx, c.teammate), c.org, shared.id, 'view')).linkedStoryIds).toEqual([team.id]);
    expect((await readableStory(asReader(ctx, c.otherTeam), c.org, shared.id, 'view')).linkedStoryIds).toEqual([]);

    const reflection = await addReflection(ctx, c.teamCoordinator, c.org, shared.id, {
      text: 'Ik herken dit.',
      researchConsent: false,
      showed: { see: 'Een wachtzaal' },
    });
    expect(reflection).toMatchObject({ position: 'coordinator', showed: { see: 'Een wachtzaal' } });
    await addReflection(ctx, c.teammate, c.org, shared.id, { text: 'Voor onderzoek mag dit.', researchConsent: true });
    expect(await readableReflections(asReader(ctx, c.otherTeam), c.org, shared.id)).toHaveLength(2);
    await changeScope(ctx, c.author, c.org, shared.id, { scope: 'research' });
    const forResearch = await readableReflections(asReader(ctx, c.researcher), c.org, shared.id, 'research');
    expect(forResearch.map((r) => [r.text, r.author])).toEqual([['Voor onderzoek mag dit.', null]]);
    await withdrawStory(ctx, c.author, c.org, shared.id);
    await expect(readableReflections(asReader(ctx, c.teammate), c.org, shared.id)).rejects.toMatchObject({ id: 'not_found' });
  });
});
