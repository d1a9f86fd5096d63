import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';

/** Loads a GET address whenever it changes (null: nothing to load); the last answer or error. */
export function useApiData<T>(address: string | null): { data: T | null; error: string | null } | null {
  const [state, setState] = useState<{ data: T | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!address) {
      setState(null);
      return;
    }
    const controller = new AbortController();
    setState({ data: null, error: null });
    api
      .get<T>(address, { signal: controller.signal })
      .then((data) => setState({ data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [address]);
  return state;
}
