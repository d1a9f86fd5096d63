import { redirect } from 'react-router';
import { api } from './api.ts';
import type { FactorsView } from './components/factors/types.ts';

const SETTINGS = '/settings';

/**
 * When an organisation asks two steps of this person's role and they have none yet, the server
 * answers nothing else (403): every page then leads to Settings, where they set one up.
 */
export async function requireSecondFactorIfAsked(request: Request): Promise<void> {
  if (new URL(request.url).pathname === SETTINGS) return;
  const factors = await api.get<FactorsView>('/api/me/factors', { signal: request.signal });
  if (factors.setupRequired) throw redirect(SETTINGS);
}
