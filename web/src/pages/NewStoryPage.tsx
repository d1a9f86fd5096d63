import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { loadTagFrameworks } from '../components/verhalen/frameworks.ts';
import { StoryForm } from '../components/verhalen/StoryForm.tsx';
import type { StoryList } from '../components/verhalen/types.ts';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import '../components/verhalen/verhalen.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const [frameworks, list] = await Promise.all([
    loadTagFrameworks(org.id, request.signal),
    api.get<StoryList>(apiPath`/api/orgs/${org.id}/stories?withPhoto=true`, { signal: request.signal }),
  ]);
  return { frameworks, limits: list.limits };
}

/** Sharing an experience: text, a photo with a caption, or both; the author chooses who may read it. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const me = useMe();
  const { frameworks, limits } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving`}>{t('verhalen.back')}</Link>
      </p>
      <PageTitle text={t('verhalen.new.title')} />
      <p className="lead">{t('verhalen.new.intro')}</p>
      <StoryForm orgId={org.id} teams={me.teams.filter((team) => team.organisationId === org.id)} frameworks={frameworks} maxBytes={limits.photoMaxBytes} />
    </>
  );
}
