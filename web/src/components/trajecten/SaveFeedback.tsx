import type { ApiError } from '../../api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

/** The status line and the error of one small form, in one place. */
export function SaveFeedback({ status, error, attempt }: { status: string | null; error: ApiError | null; attempt: number }) {
  return (
    <>
      <StatusMessage message={status} />
      <ErrorAlert key={attempt} message={error?.message ?? null} requestId={error?.requestId} />
    </>
  );
}
