import { useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { CodedText } from '../components/signalen/CodedText.tsx';
import { SegmentForm, SegmentItem } from '../components/signalen/SegmentForm.tsx';
import type { Code, Segment, StoryForCoding } from '../components/signalen/types.ts';
import { shortQuote, useSegmentCoding } from '../components/signalen/useSegmentCoding.ts';
import '../components/signalen/signalen.css';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.role !== 'coordinator');
  const signal = request.signal;
  const [story, codes] = await Promise.all([
    api.get<StoryForCoding>(apiPath`/api/orgs/${org.id}/coding/stories/${params.storyId ?? ''}`, { signal }),
    api.get<{ codes: Code[] }>(apiPath`/api/orgs/${org.id}/coding/codes`, { signal }),
  ]);
  return { story, codes: codes.codes };
}

const fields = ['start', 'end', 'codeId', 'sourceId'] as const;
const keyOf = (s: StoryForCoding['sources'][number]) => `${s.kind}:${s.id}`;

/**
 * Code a story and its reflections: select text and pick a code, or (by keyboard) choose a
 * sentence or paragraph from a list, or type the positions.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { user } = useMe();
  const { story, codes } = useLoaderData<typeof loader>();
  const [sourceKey, setSourceKey] = useState(`${story.sources[0]?.kind}:${story.sources[0]?.id}`);
  const source = story.sources.find((s) => keyOf(s) === sourceKey) ?? story.sources[0];
  const coding = useSegmentCoding({
    codes,
    fields,
    texts: story.sources.map((s) => ({ key: keyOf(s), text: s.text })),
    pick: setSourceKey,
    noSelectionMessage: t('signalen.coding.noSelection'),
    ready: source !== undefined,
    save: (position) =>
      api.post<Segment>(apiPath`/api/orgs/${org.id}/coding/segments`, {
        sourceKind: source?.kind,
        storyId: story.storyId,
        sourceId: source?.id,
        ...position,
      }),
    removePath: (segmentId) => apiPath`/api/orgs/${org.id}/coding/segments/${segmentId}`,
  });
  const sourceLabel = (s: StoryForCoding['sources'][number]) =>
    s.kind === 'story'
      ? t('signalen.coding.theStory')
      : t('signalen.coding.reflectionBy', {
          position: s.position ? t(`signalen.position.${s.position}` as 'signalen.position.practitioner') : t('signalen.someone'),
        });

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/codering`}>{t('signalen.coding.back')}</Link>
      </p>
      <PageTitle text={story.title} />
      <p className="lead">{t('signalen.coding.codeIntro', { author: story.pseudonym ?? t('signalen.coding.anonymous') })}</p>
      {story.sources.map((s) => (
        <section key={keyOf(s)} className="section" aria-labelledby={`src-${s.id}-${s.kind}`}>
          <h2 id={`src-${s.id}-${s.kind}`}>{sourceLabel(s)}</h2>
          <CodedText ref={coding.textRef(keyOf(s))} text={s.text} segments={s.segments} codes={codes} label={sourceLabel(s)} />
          {s.segments.length > 0 && (
            <ul className="signal-list">
              {s.segments.map((segment) => (
                <SegmentItem
                  key={segment.id}
                  orgId={org.id}
                  segment={segment}
                  codes={codes}
                  coding={coding}
                  canRemove={org.role !== 'member' || segment.createdBy?.id === user.id}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      <ErrorAlert message={coding.deleteError} />
      <SegmentForm coding={coding} codes={codes} howTo={t('signalen.coding.howTo')}>
        <SelectField
          label={t('signalen.coding.source')}
          name="source"
          value={sourceKey}
          onChange={(e) => {
            setSourceKey(e.target.value);
            coding.setUnit('');
          }}
          error={coding.fieldErrors.sourceId}
        >
          {story.sources.map((s) => (
            <option key={keyOf(s)} value={keyOf(s)}>
              {sourceLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalen.coding.unit')}
          hint={t('signalen.coding.unitHint')}
          name="unit"
          value={coding.unit}
          onChange={(e) => coding.chooseUnit(e.target.value)}
        >
          <option value="">{t('signalen.coding.unitNone')}</option>
          {source?.units.map((u) => (
            <option key={`${u.kind}-${u.start}-${u.end}`} value={`${u.start}-${u.end}`}>
              {t(`signalen.coding.unitKind.${u.kind}`)}: {shortQuote(source.text.slice(u.start, u.end))}
            </option>
          ))}
        </SelectField>
      </SegmentForm>
    </>
  );
}
