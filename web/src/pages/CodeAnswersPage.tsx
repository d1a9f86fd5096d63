import { type FormEvent, useRef, useState } from 'react';
import { data, Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { type AnswerForCoding, type AnswerSegment, answerSentences } from '../components/signalen/answers.ts';
import { CodedText, selectionOffsets } from '../components/signalen/CodedText.tsx';
import { CodeOptions } from '../components/signalen/CodeOptions.tsx';
import { MemoForm } from '../components/signalen/MemoForm.tsx';
import { MemoList } from '../components/signalen/MemoList.tsx';
import type { Code, Memo } from '../components/signalen/types.ts';
import { TextField } from '../components/TextField.tsx';
import '../components/signalen/signalen.css';
import { SubmitRow } from '../components/SubmitRow.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.workCoding);
  const signal = request.signal;
  const [all, codes, memos] = await Promise.all([
    api.get<{ answers: AnswerForCoding[] }>(apiPath`/api/orgs/${org.id}/coding/answers`, { signal }),
    api.get<{ codes: Code[] }>(apiPath`/api/orgs/${org.id}/coding/codes`, { signal }),
    api.get<{ memos: Memo[] }>(apiPath`/api/orgs/${org.id}/coding/memos`, { signal }),
  ]);
  const answers = all.answers.filter((a) => a.roundId === params.roundId && a.question === params.question);
  if (answers.length === 0) throw data(null, { status: 404 });
  return { answers, codes: codes.codes, memos: memos.memos };
}

const fields = ['start', 'end', 'codeId', 'responseId'] as const;
const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/**
 * Code the open answers to one question of one round: select text and pick a code, or (by
 * keyboard) choose a sentence from a list, or type the positions. Never who answered.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { user } = useMe();
  const { answers, codes, memos } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const textRefs = useRef(new Map<string, HTMLDivElement>());
  const { fieldErrors, formError, attempt, check, fail, reset } = useFormErrors(formRef, fields);
  const [responseId, setResponseId] = useState(answers[0]?.responseId ?? '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [unit, setUnit] = useState('');
  const [codeId, setCodeId] = useState(codes[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const first = answers[0];
  const answer = answers.find((a) => a.responseId === responseId) ?? first;
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? '';
  const answerLabel = (index: number) => t('signalen.coding.answers.answerNumber', { number: index + 1 });

  const takeSelection = () => {
    setStatus(null);
    for (const a of answers) {
      const element = textRefs.current.get(a.responseId);
      const offsets = element ? selectionOffsets(element) : null;
      if (offsets) {
        setResponseId(a.responseId);
        setStart(String(offsets.start));
        setEnd(String(offsets.end));
        setUnit('');
        setStatus(t('signalen.coding.selectionTaken', { text: short(a.text.slice(offsets.start, offsets.end)) }));
        return;
      }
    }
    setStatus(t('signalen.coding.answers.noSelection'));
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
    if (busy || !answer) return;
    setStatus(null);
    const number = (v: string) => (/^\d+$/.test(v) ? undefined : t('signalen.coding.positionNeeded'));
    if (!check({ start: number(start), end: number(end), codeId: codeId ? undefined : t('signalen.coding.chooseCode') })) return;
    setBusy(true);
    try {
      const segment = await api.post<AnswerSegment>(apiPath`/api/orgs/${org.id}/coding/answer-segments`, {
        responseId: answer.responseId,
        question: answer.question,
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

  const remove = async (segment: AnswerSegment) => {
    setDeleteError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/coding/answer-segments/${segment.id}`);
      await revalidate();
      setStatus(t('signalen.coding.segmentRemoved', { code: codeName(segment.codeId) }));
    } catch (caught) {
      setDeleteError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  if (!first || !answer) return null;
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/codering/antwoorden`}>{t('signalen.coding.answers.back')}</Link>
      </p>
      <PageTitle text={t('signalen.coding.answers.question', { question: first.question })} />
      <p className="lead">{t('signalen.coding.answers.codeIntro', { round: first.roundName })}</p>
      {answers.map((a, index) => (
        <section key={a.responseId} className="section" aria-labelledby={`answer-${a.responseId}`}>
          <h2 id={`answer-${a.responseId}`}>{answerLabel(index)}</h2>
          <CodedText
            ref={(element) => {
              if (element) textRefs.current.set(a.responseId, element);
            }}
            text={a.text}
            segments={a.segments}
            codes={codes}
            label={answerLabel(index)}
          />
          {a.segments.length > 0 && (
            <ul className="signal-list">
              {a.segments.map((segment) => (
                <li key={segment.id}>
                  <span className="code-swatch" style={{ background: codes.find((c) => c.id === segment.codeId)?.colour }} aria-hidden="true" />
                  <Link to={`/o/${org.id}/kruisbestuiving/codering/codes/${segment.codeId}`}>{codeName(segment.codeId)}</Link>{' '}
                  <span className="signal-meta">{t('signalen.coding.answers.codedBy', { name: segment.createdBy?.displayName ?? '—' })}</span>
                  <p className="quote">{segment.quote}</p>
                  {segment.createdBy?.id === user.id && (
                    <button type="button" className="button button-small button-danger-outline" onClick={() => remove(segment)}>
                      {t('signalen.coding.removeSegment', { code: codeName(segment.codeId) })}
                    </button>
                  )}
                  <MemoList orgId={org.id} memos={memos.filter((m) => m.targetKind === 'segment' && m.targetId === segment.id)} />
                  <details>
                    <summary>{t('signalen.coding.memoOnSegment')}</summary>
                    <MemoForm orgId={org.id} targetKind="segment" targetId={segment.id} heading={t('signalen.coding.memoOnSegment')} />
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <ErrorAlert message={deleteError} />
      <form ref={formRef} className="form section" noValidate onSubmit={submit} aria-labelledby="code-form-heading" aria-busy={busy || undefined}>
        <h2 id="code-form-heading">{t('signalen.coding.codeSegment')}</h2>
        <p>{t('signalen.coding.answers.howTo')}</p>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={takeSelection}>
            {t('signalen.coding.useSelection')}
          </button>
        </div>
        <SelectField
          label={t('signalen.coding.answers.which')}
          name="responseId"
          value={answer.responseId}
          onChange={(e) => {
            setResponseId(e.target.value);
            setUnit('');
          }}
          error={fieldErrors.responseId}
        >
          {answers.map((a, index) => (
            <option key={a.responseId} value={a.responseId}>
              {answerLabel(index)}: {short(a.text)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalen.coding.answers.part')}
          hint={t('signalen.coding.answers.partHint')}
          name="unit"
          value={unit}
          onChange={(e) => chooseUnit(e.target.value)}
        >
          <option value="">{t('signalen.coding.unitNone')}</option>
          <option value={`0-${answer.text.length}`}>{t('signalen.coding.answers.whole')}</option>
          {answerSentences(answer.text).map((u) => (
            <option key={`${u.start}-${u.end}`} value={`${u.start}-${u.end}`}>
              {t('signalen.coding.unitKind.sentence')}: {short(answer.text.slice(u.start, u.end))}
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
