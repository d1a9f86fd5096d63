import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject, redirect, type ShouldRevalidateFunctionArgs } from 'react-router';
import { requireOrganisation } from './access.ts';
import { AppShell } from './components/AppShell.tsx';
import { LoadingPage } from './components/LoadingPage.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { RootLayout } from './components/RootLayout.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';
import { requireMe } from './session.ts';
import { requireSecondFactorIfAsked } from './two-factor-gate.ts';

/** Fetches the signed-in person afresh, so roles and teams in the header stay current. */
async function shellLoader({ request }: LoaderFunctionArgs) {
  await requireMe(request, { fresh: true });
  await requireSecondFactorIfAsked(request);
  return null;
}

/** Choosing another team (?team=) changes nothing about the person: no need to ask again. */
function shellShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search) return false;
  return defaultShouldRevalidate;
}

/** "/" goes to the person's first organisation; without one, the page explains what to do. */
async function startLoader({ request }: LoaderFunctionArgs) {
  const me = await requireMe(request);
  const first = me.organisations[0];
  if (first) throw redirect(`/o/${first.id}${new URL(request.url).search}`);
  return null;
}

async function organisationLoader({ request, params }: LoaderFunctionArgs) {
  await requireOrganisation(request, params.orgId);
  return null;
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage standalone />,
    hydrateFallbackElement: <LoadingPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'login', lazy: () => import('./pages/LoginPage.tsx') },
          { path: 'invite', lazy: () => import('./pages/InvitePage.tsx') },
          { path: 'forgot-password', lazy: () => import('./pages/ForgotPasswordPage.tsx') },
          { path: 'reset-password', lazy: () => import('./pages/ResetPasswordPage.tsx') },
          { path: '*', lazy: () => import('./pages/NotFoundPage.tsx') },
        ],
      },
      // The projector screen: the whole window, no site header or navigation.
      { path: 'o/:orgId/ontmoetingen/:meetingId/scherm', errorElement: <RouteErrorPage standalone />, lazy: () => import('./pages/PresenterPage.tsx') },
      {
        id: 'shell',
        element: <AppShell />,
        loader: shellLoader,
        shouldRevalidate: shellShouldRevalidate,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, loader: startLoader, lazy: () => import('./pages/NoOrganisationPage.tsx') },
              { path: 'settings', lazy: () => import('./pages/SettingsPage.tsx') },
              { path: 'begrippen', lazy: () => import('./pages/GlossaryPage.tsx') },
              {
                path: 'o/:orgId',
                loader: organisationLoader,
                children: [
                  { index: true, lazy: () => import('./pages/HomePage.tsx') },
                  { path: 'meldingen', lazy: () => import('./pages/InboxPage.tsx') },
                  { path: 'in-beeld', lazy: () => import('./pages/InBeeldPage.tsx') },
                  { path: 'in-beeld/instruments/:instrumentId', lazy: () => import('./pages/InstrumentPage.tsx') },
                  { path: 'in-beeld/rounds/new', lazy: () => import('./pages/NewRoundPage.tsx') },
                  { path: 'in-beeld/rounds/:roundId', lazy: () => import('./pages/RoundPage.tsx') },
                  { path: 'in-beeld/rounds/:roundId/dashboard', lazy: () => import('./pages/DashboardPage.tsx') },
                  { path: 'in-beeld/rounds/:roundId/import', lazy: () => import('./pages/ImportPage.tsx') },
                  { path: 'trajecten', lazy: () => import('./pages/TrajectenPage.tsx') },
                  { path: 'trajecten/:trajectoryId/kader', lazy: () => import('./pages/CharterPage.tsx') },
                  { path: 'trajecten/:trajectoryId/kader/:version', lazy: () => import('./pages/CharterPage.tsx') },
                  { path: 'trajecten/:trajectoryId/intervisie/:sessionId', lazy: () => import('./pages/IntervisionPage.tsx') },
                  { path: 'trajecten/:trajectoryId', lazy: () => import('./pages/TrajectPage.tsx') },
                  { path: 'trajecten/:trajectoryId/:phase', lazy: () => import('./pages/TrajectPage.tsx') },
                  { path: 'kruisbestuiving', lazy: () => import('./pages/KruisbestuivingPage.tsx') },
                  { path: 'ontmoetingen', lazy: () => import('./pages/MeetingsPage.tsx') },
                  { path: 'ontmoetingen/:meetingId', lazy: () => import('./pages/MeetingPanelPage.tsx') },
                  { path: 'kruisbestuiving/verhalen/nieuw', lazy: () => import('./pages/NewStoryPage.tsx') },
                  { path: 'kruisbestuiving/verhalen/:storyId', lazy: () => import('./pages/StoryPage.tsx') },
                  { path: 'kruisbestuiving/photovoice/:projectId', lazy: () => import('./pages/PhotovoicePage.tsx') },
                  { path: 'kruisbestuiving/signalen', lazy: () => import('./pages/SignalsPage.tsx') },
                  { path: 'kruisbestuiving/signalen/nieuw', lazy: () => import('./pages/RaiseSignalPage.tsx') },
                  { path: 'kruisbestuiving/signalen/overzicht', lazy: () => import('./pages/SignalOverviewPage.tsx') },
                  { path: 'kruisbestuiving/signalen/rapport', lazy: () => import('./pages/SignalReportPage.tsx') },
                  { path: 'kruisbestuiving/signalen/:signalId', lazy: () => import('./pages/SignalPage.tsx') },
                  { path: 'kruisbestuiving/codering', lazy: () => import('./pages/CodingPage.tsx') },
                  { path: 'kruisbestuiving/codering/verhalen/:storyId', lazy: () => import('./pages/CodeStoryPage.tsx') },
                  { path: 'kruisbestuiving/codering/codes/:codeId', lazy: () => import('./pages/CodePage.tsx') },
                  { path: 'kruisbestuiving/codering/frequenties', lazy: () => import('./pages/CodingFrequenciesPage.tsx') },
                  { path: 'kruisbestuiving/codering/antwoorden', lazy: () => import('./pages/AnswersCodingPage.tsx') },
                  { path: 'kruisbestuiving/codering/antwoorden/:roundId/:question', lazy: () => import('./pages/CodeAnswersPage.tsx') },
                  { path: 'people', lazy: () => import('./pages/PeoplePage.tsx') },
                  { path: 'teams/:teamId', lazy: () => import('./pages/TeamPage.tsx') },
                  { path: 'audit', lazy: () => import('./pages/AuditPage.tsx') },
                  { path: 'privacy', lazy: () => import('./pages/PrivacyPage.tsx') },
                  { path: 'organisatie', lazy: () => import('./pages/OrganisationSettingsPage.tsx') },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
