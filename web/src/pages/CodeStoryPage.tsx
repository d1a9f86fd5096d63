import { type FormEvent, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { CodedText, selectionOffsets } from '../components/signalen/CodedText.tsx';
import type { Code, Segment, StoryForCoding } from '../components/signalen/types.ts';
import { TextField } from '../components/TextField.tsx';
import '../components/signalen/signalen.css';
import { SubmitRow } from '../components/SubmitRow.tsx';
import { CodeOptions } from '../components/signalen/CodeOptions.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useRevalidate } from '../hooks/useRevalidate.ts';
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
const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/**
 * Code a story and its reflections: select text and pick a code, or (by keyboard) choose a
 * sentence or paragraph from a list, or type the positions.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { user } = useMe();
  const { story, codes } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const textRefs = useRef(new Map<string, HTMLDivElement>());
  const { fieldErrors, formError, attempt, check, fail, reset } = useFormErrors(formRef, fields);
  const [sourceKey, setSourceKey] = useState(`${story.sources[0]?.kind}:${story.sources[0]?.id}`);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [unit, setUnit] = useState('');
  const [codeId, setCodeId] = useState(codes[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const source = story.sources.find((s) => `${s.kind}:${s.id}` === sourceKey) ?? story.sources[0];
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? '';
  const sourceLabel = (s: StoryForCoding['sources'][number]) =>
    s.kind === 'story'
      ? t('signalen.coding.theStory')
      : t('signalen.coding.reflectionBy', {
          position: s.position ? t(`signalen.position.${s.position}` as 'signalen.position.practitioner') : t('signalen.someone'),
        });

  const takeSelection = () => {
    setStatus(null);
    for (const s of story.sources) {
      const element = textRefs.current.get(`${s.kind}:${s.id}`);
      const offsets = element ? selectionOffsets(element) : null;
      if (offsets) {
        setSourceKey(`${s.kind}:${s.id}`);
        setStart(String(offsets.start));
        setEnd(String(offsets.end));
        setUnit('');
        setStatus(t('signalen.coding.selectionTaken', { text: short(s.text.slice(offsets.start, offsets.end)) }));
        return;
      }
    }
    setStatus(t('signalen.coding.noSelection'));
  };

  const chooseUnit = (value: string) => {
    setUnit(value);
    const [from, to] = value.split('-');
    if (from !== undefined && to !== undefined) {
      setStart(from);
      setEnd(to);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !source) return;
    setStatus(null);
    const number = (v: string) => (/^\d+$/.test(v) ? undefined : t('signalen.coding.positionNeeded'));
    if (!check({ start: number(start), end: number(end), codeId: codeId ? undefined : t('signalen.coding.chooseCode') })) return;
    setBusy(true);
    try {
      const segment = await api.post<Segment>(apiPath`/api/orgs/${org.id}/coding/segments`, {
        sourceKind: source.kind,
        storyId: story.storyId,
        sourceId: source.id,
        start: Number(start),
        end: Number(end),
        codeId,
      });
      await revalidate();
      reset();
      setStart('');
      setEnd('');
      setUnit('');
      setStatus(t('signalen.coding.segmentSaved', { code: codeName(codeId), text: short(segment.quote) }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (segment: Segment) => {
    setDeleteError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/coding/segments/${segment.id}`);
      await revalidate();
      setStatus(t('signalen.coding.segmentRemoved', { code: codeName(segment.codeId) }));
    } catch (caught) {
      setDeleteError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/codering`}>{t('signalen.coding.back')}</Link>
      </p>
      <PageTitle text={story.title} />
      <p className="lead">{t('signalen.coding.codeIntro', { author: story.pseudonym ?? t('signalen.coding.anonymous') })}</p>
      {story.sources.map((s) => (
        <section key={`${s.kind}:${s.id}`} className="section" aria-labelledby={`src-${s.id}-${s.kind}`}>
          <h2 id={`src-${s.id}-${s.kind}`}>{sourceLabel(s)}</h2>
          <CodedText
            ref={(element) => {
              if (element) textRefs.current.set(`${s.kind}:${s.id}`, element);
            }}
            text={s.text}
            segments={s.segments}
            codes={codes}
            label={sourceLabel(s)}
          />
          {s.segments.length > 0 && (
            <ul className="signal-list">
              {s.segments.map((segment) => (
                <li key={segment.id}>
                  <span className="code-swatch" style={{ background: codes.find((c) => c.id === segment.codeId)?.colour }} aria-hidden="true" />
                  <Link to={`/o/${org.id}/kruisbestuiving/codering/codes/${segment.codeId}`}>{codeName(segment.codeId)}</Link>
                  <p className="quote">{segment.quote}</p>
                  {(org.role !== 'member' || segment.createdBy?.id === user.id) && (
                    <button type="button" className="button button-small button-danger-outline" onClick={() => remove(segment)}>
                      {t('signalen.coding.removeSegment', { code: codeName(segment.codeId) })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <ErrorAlert message={deleteError} />
      <form ref={formRef} className="form section" noValidate onSubmit={submit} aria-labelledby="code-form-heading" aria-busy={busy || undefined}>
        <h2 id="code-form-heading">{t('signalen.coding.codeSegment')}</h2>
        <p>{t('signalen.coding.howTo')}</p>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={takeSelection}>
            {t('signalen.coding.useSelection')}
          </button>
        </div>
        <SelectField
          label={t('signalen.coding.source')}
          name="source"
          value={sourceKey}
          onChange={(e) => {
            setSourceKey(e.target.value);
            setUnit('');
          }}
          error={fieldErrors.sourceId}
        >
          {story.sources.map((s) => (
            <option key={`${s.kind}:${s.id}`} value={`${s.kind}:${s.id}`}>
              {sourceLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalen.coding.unit')}
          hint={t('signalen.coding.unitHint')}
          name="unit"
          value={unit}
          onChange={(e) => chooseUnit(e.target.value)}
        >
          <option value="">{t('signalen.coding.unitNone')}</option>
          {source?.units.map((u) => (
            <option key={`${u.kind}-${u.start}-${u.end}`} value={`${u.start}-${u.end}`}>
              {t(`signalen.coding.unitKind.${u.kind}`)}: {short(source.text.slice(u.start, u.end))}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <TextField
            label={t('signalen.coding.start')}
            name="start"
            inputMode="numeric"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            error={fieldErrors.start}
          />
          <TextField
            label={t('signalen.coding.end')}
            name="end"
            inputMode="numeric"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={fieldErrors.end}
          />
        </div>
        <SelectField label={t('signalen.coding.code')} name="codeId" value={codeId} onChange={(e) => setCodeId(e.target.value)} error={fieldErrors.codeId}>
          {codes.length === 0 && <option value="">{t('signalen.coding.noCodes')}</option>}
          <CodeOptions codes={codes} />
        </SelectField>
        <SubmitRow label={t('signalen.coding.saveSegment')} status={status} />
      </form>
    </>
  );
}
