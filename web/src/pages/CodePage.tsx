import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { MemoForm } from '../components/signalen/MemoForm.tsx';
import { MemoList } from '../components/signalen/MemoList.tsx';
import type { Code, Memo, Segment } from '../components/signalen/types.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { TextField } from '../components/TextField.tsx';
import '../components/signalen/signalen.css';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.role !== 'coordinator');
  return api.get<{ code: Code; segments: Segment[]; memos: Memo[] }>(apiPath`/api/orgs/${org.id}/coding/codes/${params.codeId ?? ''}`, {
    signal: request.signal,
  });
}

/** A code with every segment coded with it, its memos, and the step to a signal (after member checking). */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const navigate = useNavigate();
  const { code, segments, memos } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const [values, setValues] = useState({ name: code.name, description: code.description, colour: code.colour });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const storyIds = [...new Set(segments.map((s) => s.storyId))];
  const proposal = new URLSearchParams({ memberCheck: '1', code: code.id, title: code.name, stories: storyIds.join(',') });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.patch(apiPath`/api/orgs/${org.id}/coding/codes/${code.id}`, values);
      await revalidate();
      setStatus(t('signalen.coding.codeSaved'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/coding/codes/${code.id}`);
      setConfirming(false);
      navigate(`/o/${org.id}/kruisbestuiving/codering`);
    } catch (caught) {
      setDeleteError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/codering`}>{t('signalen.coding.back')}</Link>
      </p>
      <PageTitle text={code.name} />
      {code.description && <p className="lead">{code.description}</p>}
      <p>
        <Link to={`/o/${org.id}/kruisbestuiving/signalen/nieuw?${proposal}`}>{t('signalen.coding.propose')}</Link>
      </p>
      <section className="section" aria-labelledby="segments-heading">
        <h2 id="segments-heading">{t('signalen.coding.segmentsOfCode', { count: segments.length })}</h2>
        {segments.length === 0 ? (
          <p>{t('signalen.coding.noSegments')}</p>
        ) : (
          <ul className="signal-list">
            {segments.map((segment) => (
              <li key={segment.id}>
                <Link to={`/o/${org.id}/kruisbestuiving/codering/verhalen/${segment.storyId}`}>
                  {segment.sourceKind === 'story' ? segment.sourceTitle : t('signalen.coding.reflectionOn', { title: segment.sourceTitle })}
                </Link>
                <p className="quote">{segment.quote}</p>
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
      <section className="section" aria-labelledby="code-memos-heading">
        <h2 id="code-memos-heading">{t('signalen.coding.codeMemos')}</h2>
        <MemoList orgId={org.id} memos={memos.filter((m) => m.targetKind === 'code')} />
        <MemoForm orgId={org.id} targetKind="code" targetId={code.id} heading={t('signalen.coding.newCodeMemo')} />
      </section>
      {/* Co-researchers (members) use the codebook; researchers and admins change it. */}
      {org.role !== 'member' && (
        <section className="section" aria-labelledby="edit-code-heading">
          <h2 id="edit-code-heading">{t('signalen.coding.editCode')}</h2>
          <form className="form" noValidate onSubmit={save}>
            <ErrorAlert message={error} />
            <TextField
              label={t('signalen.coding.codeName')}
              maxLength={100}
              value={values.name}
              onChange={(e) => setValues({ ...values, name: e.target.value })}
            />
            <TextAreaField
              label={t('signalen.coding.codeDescription')}
              maxLength={2000}
              value={values.description}
              onChange={(e) => setValues({ ...values, description: e.target.value })}
            />
            <TextField
              label={t('signalen.coding.colour')}
              type="color"
              value={values.colour}
              onChange={(e) => setValues({ ...values, colour: e.target.value })}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('signalen.coding.saveCode')}
              </button>
              <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)}>
                {t('signalen.coding.deleteCode')}
              </button>
            </div>
            <StatusMessage message={status} />
          </form>
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('signalen.coding.confirmDelete', { name: code.name })}
        confirmLabel={t('signalen.coding.deleteCode')}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
        busy={busy}
        error={deleteError}
      >
        <p>{t('signalen.coding.confirmDeleteText', { count: segments.length })}</p>
      </ConfirmDialog>
    </>
  );
}
