import { useState } from 'react';
import { data, Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { type AnswerForCoding, type AnswerSegment, answerSentences } from '../components/signalen/answers.ts';
import { CodedText } from '../components/signalen/CodedText.tsx';
import { MemoForm } from '../components/signalen/MemoForm.tsx';
import { MemoList } from '../components/signalen/MemoList.tsx';
import { SegmentForm, SegmentItem } from '../components/signalen/SegmentForm.tsx';
import type { Code, Memo } from '../components/signalen/types.ts';
import { shortQuote, useSegmentCoding } from '../components/signalen/useSegmentCoding.ts';
import '../components/signalen/signalen.css';
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

/**
 * Code the open answers to one question of one round: select text and pick a code, or (by
 * keyboard) choose a sentence from a list, or type the positions. Never who answered.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { user } = useMe();
  const { answers, codes, memos } = useLoaderData<typeof loader>();
  const [responseId, setResponseId] = useState(answers[0]?.responseId ?? '');
  const first = answers[0];
  const answer = answers.find((a) => a.responseId === responseId) ?? first;
  const coding = useSegmentCoding({
    codes,
    fields,
    texts: answers.map((a) => ({ key: a.responseId, text: a.text })),
    pick: setResponseId,
    noSelectionMessage: t('signalen.coding.answers.noSelection'),
    ready: answer !== undefined,
    save: (position) =>
      api.post<AnswerSegment>(apiPath`/api/orgs/${org.id}/coding/answer-segments`, {
        responseId: answer?.responseId,
        question: answer?.question,
        ...position,
      }),
    removePath: (segmentId) => apiPath`/api/orgs/${org.id}/coding/answer-segments/${segmentId}`,
  });
  const answerLabel = (index: number) => t('signalen.coding.answers.answerNumber', { number: index + 1 });

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
          <CodedText ref={coding.textRef(a.responseId)} text={a.text} segments={a.segments} codes={codes} label={answerLabel(index)} />
          {a.segments.length > 0 && (
            <ul className="signal-list">
              {a.segments.map((segment) => (
                <SegmentItem
                  key={segment.id}
                  orgId={org.id}
                  segment={segment}
                  codes={codes}
                  coding={coding}
                  canRemove={segment.createdBy?.id === user.id}
                  meta={
                    <>
                      {' '}
                      <span className="signal-meta">{t('signalen.coding.answers.codedBy', { name: segment.createdBy?.displayName ?? '—' })}</span>
                    </>
                  }
                >
                  <MemoList orgId={org.id} memos={memos.filter((m) => m.targetKind === 'segment' && m.targetId === segment.id)} />
                  <details>
                    <summary>{t('signalen.coding.memoOnSegment')}</summary>
                    <MemoForm orgId={org.id} targetKind="segment" targetId={segment.id} heading={t('signalen.coding.memoOnSegment')} />
                  </details>
                </SegmentItem>
              ))}
            </ul>
          )}
        </section>
      ))}
      <ErrorAlert message={coding.deleteError} />
      <SegmentForm coding={coding} codes={codes} howTo={t('signalen.coding.answers.howTo')}>
        <SelectField
          label={t('signalen.coding.answers.which')}
          name="responseId"
          value={answer.responseId}
          onChange={(e) => {
            setResponseId(e.target.value);
            coding.setUnit('');
          }}
          error={coding.fieldErrors.responseId}
        >
          {answers.map((a, index) => (
            <option key={a.responseId} value={a.responseId}>
              {answerLabel(index)}: {shortQuote(a.text)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalen.coding.answers.part')}
          hint={t('signalen.coding.answers.partHint')}
          name="unit"
          value={coding.unit}
          onChange={(e) => coding.chooseUnit(e.target.value)}
        >
          <option value="">{t('signalen.coding.unitNone')}</option>
          <option value={`0-${answer.text.length}`}>{t('signalen.coding.answers.whole')}</option>
          {answerSentences(answer.text).map((u) => (
            <option key={`${u.start}-${u.end}`} value={`${u.start}-${u.end}`}>
              {t('signalen.coding.unitKind.sentence')}: {shortQuote(answer.text.slice(u.start, u.end))}
            </option>
          ))}
        </SelectField>
      </SegmentForm>
    </>
  );
}
