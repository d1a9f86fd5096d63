import { useState } from 'react';
import { data, Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import type { Framework } from '../components/inbeeld/types.ts';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { CodeForm } from '../components/signalen/CodeForm.tsx';
import { CoResearcherNotice, CoResearchersSection } from '../components/signalen/CoResearchers.tsx';
import { KruisbestuivingSubpageHeader } from '../components/signalen/KruisbestuivingSubpageHeader.tsx';
import { MemoForm } from '../components/signalen/MemoForm.tsx';
import { MemoList } from '../components/signalen/MemoList.tsx';
import { ScrollTable } from '../components/signalen/ScrollTable.tsx';
import type { Code, CodingSourceSummary, CoResearchers, Memo, MyCoding } from '../components/signalen/types.ts';
import '../components/signalen/signalen.css';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';

const codableFrameworks = ['logics', 'knowledge_positions', 'roles', 'themes', 'experiential_knowledge_marks'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Researchers and admins, and members invited to code with them: the server says which.
  const org = await requireOrganisation(request, params.orgId, (org) => org.role !== 'coordinator');
  const signal = request.signal;
  const me = await api.get<MyCoding>(apiPath`/api/orgs/${org.id}/coding/me`, { signal });
  if (!me.canCode) throw data(null, { status: 403 });
  const [codes, sources, memos, frameworks, team] = await Promise.all([
    api.get<{ codes: Code[] }>(apiPath`/api/orgs/${org.id}/coding/codes`, { signal }),
    api.get<{ sources: CodingSourceSummary[] }>(apiPath`/api/orgs/${org.id}/coding/sources`, { signal }),
    api.get<{ memos: Memo[] }>(apiPath`/api/orgs/${org.id}/coding/memos`, { signal }),
    me.manages ? api.get<{ frameworks: Framework[] }>(apiPath`/api/orgs/${org.id}/frameworks`, { signal }) : Promise.resolve({ frameworks: [] }),
    me.manages ? api.get<CoResearchers>(apiPath`/api/orgs/${org.id}/coding/coresearchers`, { signal }) : Promise.resolve(null),
  ]);
  return { me, codes: codes.codes, sources: sources.sources, memos: memos.memos, frameworks: frameworks.frameworks, team };
}

function CodeTree({ orgId, codes, parentId }: { orgId: string; codes: Code[]; parentId: string | null }) {
  const { t } = useT();
  const children = codes.filter((c) => c.parentId === parentId || (parentId === null && c.parentId !== null && !codes.some((p) => p.id === c.parentId)));
  if (children.length === 0) return null;
  return (
    <ul className={parentId === null ? 'code-tree' : undefined}>
      {children.map((code) => (
        <li key={code.id}>
          <span className="code-swatch" style={{ background: code.colour }} aria-hidden="true" />
          <Link to={`/o/${orgId}/kruisbestuiving/codering/codes/${code.id}`}>{code.name}</Link>{' '}
          <span className="signal-meta">{t('signalen.coding.segmentCount', { count: code.segmentCount })}</span>
          <CodeTree orgId={orgId} codes={codes} parentId={code.id} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Qualitative coding for researchers: the codebook, the material shared for research, memos, the
 * export and who codes with them. A co-researcher sees the material, the codebook and the memos.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { user } = useMe();
  const { me, codes, sources, memos, frameworks, team } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const lang = currentLanguage();
  const [framework, setFramework] = useState('logics');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/o/${org.id}/kruisbestuiving/codering`;
  const stories = sources.filter((s) => s.kind === 'story');

  const addFramework = async () => {
    setError(null);
    try {
      await api.post(apiPath`/api/orgs/${org.id}/coding/codes/from-framework`, { frameworkKey: framework });
      await revalidate();
      setStatus(t('signalen.coding.frameworkAdded'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  return (
    <>
      <KruisbestuivingSubpageHeader orgId={org.id} title={t('signalen.coding.title')} lead={t('signalen.coding.intro')} />
      {me.coResearcher && <CoResearcherNotice orgId={org.id} userId={user.id} />}
      <ul className="link-list">
        <li>
          <Link to={`${base}/frequenties`}>{t('signalen.coding.frequenciesLink')}</Link>
        </li>
        {me.manages && (
          <li>
            <Link to={`${base}/antwoorden`}>{t('signalen.coding.answers.title')}</Link>
            <p className="field-hint">{t('signalen.coding.answers.linkHint')}</p>
          </li>
        )}
        {me.manages && (
          <li>
            <a href={apiPath`/api/orgs/${org.id}/coding/export.qdpx`} download>
              {t('signalen.coding.export')}
            </a>
            <p className="field-hint">{t('signalen.coding.exportHint')}</p>
          </li>
        )}
      </ul>

      <section className="section" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('signalen.coding.sources')}</h2>
        {stories.length === 0 ? (
          <p>{t('signalen.coding.noSources')}</p>
        ) : (
          <ScrollTable label={t('signalen.coding.sources')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('signalen.coding.story')}</th>
                  <th scope="col">{t('signalen.coding.reflections')}</th>
                  <th scope="col">{t('signalen.coding.segments')}</th>
                </tr>
              </thead>
              <tbody>
                {stories.map((s) => {
                  const related = sources.filter((x) => x.storyId === s.storyId);
                  return (
                    <tr key={s.id}>
                      <th scope="row" className="cell-break">
                        <Link to={`${base}/verhalen/${s.storyId}`}>{s.title}</Link>
                      </th>
                      <td>{related.length - 1}</td>
                      <td>{related.reduce((n, x) => n + x.segmentCount, 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section className="section" aria-labelledby="codebook-heading">
        <h2 id="codebook-heading">{t('signalen.coding.codebook')}</h2>
        <StatusMessage message={status} />
        <ErrorAlert message={error} />
        {codes.length === 0 ? <p>{t('signalen.coding.noCodes')}</p> : <CodeTree orgId={org.id} codes={codes} parentId={null} />}
        {me.manages && (
          <>
            <div className="inline-form">
              <label htmlFor="framework-select">{t('signalen.coding.framework')}</label>
              <select id="framework-select" value={framework} onChange={(e) => setFramework(e.target.value)}>
                {frameworks
                  .filter((f) => codableFrameworks.includes(f.key))
                  .map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.name[lang]}
                    </option>
                  ))}
              </select>
              <button type="button" className="button button-secondary" onClick={addFramework}>
                {t('signalen.coding.addFramework')}
              </button>
            </div>
            <CodeForm orgId={org.id} codes={codes} />
          </>
        )}
      </section>
      {team && <CoResearchersSection orgId={org.id} list={team} />}

      <section className="section" aria-labelledby="memos-heading">
        <h2 id="memos-heading">{t('signalen.coding.projectMemos')}</h2>
        <MemoList orgId={org.id} memos={memos.filter((m) => m.targetKind === 'project')} />
        <MemoForm orgId={org.id} targetKind="project" targetId={null} heading={t('signalen.coding.newProjectMemo')} />
      </section>
    </>
  );
}
