import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { photoUrl, type Story, storyPath } from './types.ts';

/** One story in a list: the photo (if any), title, who and when, and who may read it. */
export function StoryCard({ orgId, story, headingLevel = 3 }: { orgId: string; story: Story; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const excerpt = story.caption ?? story.text?.slice(0, 160) ?? '';
  return (
    <li className="story-card">
      <StoryCardPhoto orgId={orgId} story={story} />
      <div className="story-card-body">
        <Heading className="story-card-title">
          <Link to={storyPath(orgId, story.id)}>{story.title}</Link>
        </Heading>
        <p className="meta">
          <StoryByline story={story} /> · <time dateTime={story.createdOn}>{story.createdOn}</time>
        </p>
        {excerpt && <p className="story-card-excerpt">{excerpt.length < (story.text?.length ?? 0) && !story.caption ? `${excerpt}…` : excerpt}</p>}
        <p className="story-card-badges">
          <span className="scope-badge">{t(`verhalen.scopes.${story.scope}.short`)}</span>
          {story.withdrawn && <span className="scope-badge scope-badge-withdrawn">{t('verhalen.withdrawnBadge')}</span>}
        </p>
      </div>
    </li>
  );
}

/** "An (ervaringswerker)" or, when read anonymised, the pseudonym. */
export function StoryByline({ story }: { story: Story }) {
  const { t } = useT();
  const who = story.author ? story.author.displayName : (story.pseudonym ?? t('verhalen.anonymous'));
  return (
    <>
      {story.isOwn ? t('verhalen.byYou') : who}
      {story.authorPosition && ` (${t(`positions.${story.authorPosition}`)})`}
    </>
  );
}

/** The story's photo at the top of a card, if it has one; lazily loaded, with its own alt text. */
export function StoryCardPhoto({ orgId, story }: { orgId: string; story: Pick<Story, 'id' | 'photo'> }) {
  if (!story.photo) return null;
  return (
    <img
      className="story-card-photo"
      src={photoUrl(orgId, story.id)}
      alt={story.photo.alt ?? ''}
      width={story.photo.width}
      height={story.photo.height}
      loading="lazy"
    />
  );
}
