import type { Position, Role } from '../organisations/model.ts';

/** The demo organisation and its people. The password is public (README): demo data only, never production. */
export const DEMO_PASSWORD = 'demo-kruisbestuiving';
export const DEMO_ORGANISATION = { name: 'De Brug GGZ (demo)', sector: 'ggz' } as const;

export const demoTeams = ['Team Herstel', 'Team Inloophuis'] as const;

export const demoPeople: ReadonlyArray<{
  email: string;
  displayName: string;
  role: Role;
  teams: ReadonlyArray<{ team: (typeof demoTeams)[number]; position: Position }>;
}> = [
  { email: 'beheerder@demo.kruisbestuiving.org', displayName: 'Anna Peeters', role: 'admin', teams: [] },
  { email: 'onderzoeker@demo.kruisbestuiving.org', displayName: 'Rik Janssens', role: 'researcher', teams: [] },
  {
    email: 'coordinator@demo.kruisbestuiving.org',
    displayName: 'Cora Maes',
    role: 'coordinator',
    teams: [
      { team: 'Team Herstel', position: 'coordinator' },
      { team: 'Team Inloophuis', position: 'coordinator' },
    ],
  },
  {
    email: 'lid@demo.kruisbestuiving.org',
    displayName: 'Mo El Amrani',
    role: 'member',
    teams: [{ team: 'Team Herstel', position: 'experience_worker' }],
  },
];
