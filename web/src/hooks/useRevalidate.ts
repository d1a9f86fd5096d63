import { useRevalidator } from 'react-router';

/** Reloads the data of the page (and the signed-in person's roles and teams) after a change. */
export function useRevalidate(): () => Promise<void> {
  const revalidator = useRevalidator();
  return () => revalidator.revalidate();
}
