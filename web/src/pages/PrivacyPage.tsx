import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { type Retention, RetentionForm } from '../components/privacy/RetentionForm.tsx';
import { currentLanguage, useT } from '../i18n.ts';

type Register = {
  title: string;
  organisation: string;
  intro: string;
  activities: { key: string; name: string; data: string; purpose: string; retention: string; whoSees: string }[];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.managePrivacy);
  const base = apiPath`/api/orgs/${org.id}`;
  const options = { signal: request.signal };
  const [retention, register] = await Promise.all([
    api.get<Retention & { isDefault: boolean }>(`${base}/retention`, options),
    api.get<Register>(`${base}/register?lang=${currentLanguage()}`, options),
  ]);
  return { retention, register };
}

/** Retention periods and the register of processing, for administrators and their DPO. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { retention, register } = useLoaderData<typeof loader>();
  const base = apiPath`/api/orgs/${org.id}`;
  return (
    <>
      <PageTitle text={t('privacy.title')} />
      <p className="lead">{t('privacy.intro')}</p>
      <section className="section" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('privacy.retentionHeading')}</h2>
        <p>{t('privacy.retentionIntro')}</p>
        <RetentionForm org={org} current={retention} />
      </section>
      <section className="section" aria-labelledby="register-heading">
        <h2 id="register-heading">{t('privacy.registerHeading')}</h2>
        <p>
          {t('privacy.registerIntro')} {register.intro}
        </p>
        <p className="button-row">
          <a className="button button-secondary" href={`${base}/register.md?lang=nl`} download lang="nl">
            {t('privacy.downloadNl')}
          </a>
          <a className="button button-secondary" href={`${base}/register.md?lang=en`} download lang="en">
            {t('privacy.downloadEn')}
          </a>
        </p>
        {register.activities.map((activity) => (
          <section key={activity.key} aria-labelledby={`register-${activity.key}`}>
            <h3 id={`register-${activity.key}`}>{activity.name}</h3>
            <dl>
              <dt>{t('privacy.data')}</dt>
              <dd>{activity.data}</dd>
              <dt>{t('privacy.purpose')}</dt>
              <dd>{activity.purpose}</dd>
              <dt>{t('privacy.retention')}</dt>
              <dd>{activity.retention}</dd>
              <dt>{t('privacy.whoSees')}</dt>
              <dd>{activity.whoSees}</dd>
            </dl>
          </section>
        ))}
      </section>
    </>
  );
}
