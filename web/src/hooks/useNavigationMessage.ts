import { useLocation } from 'react-router';

/** The message a previous page passed along when it navigated here (`navigate(to, { state: { message } })`), if any. */
export function useNavigationMessage(): string | null {
  const location = useLocation();
  return (location.state as { message?: string } | null)?.message ?? null;
}
