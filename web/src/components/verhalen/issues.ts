import { ApiError } from '../../api.ts';
import { fixedT } from '../../i18n.ts';

/** The server names problems with codes (not_an_image, no_team, …); shown here in the person's language. */
export function translateIssues(caught: unknown): unknown {
  if (!(caught instanceof ApiError) || caught.issues.length === 0) return caught;
  const t = fixedT();
  return new ApiError({
    id: caught.id,
    status: caught.status,
    message: caught.message,
    requestId: caught.requestId,
    issues: caught.issues.map((issue) => ({
      ...issue,
      message: t(`verhalen.issues.${issue.message}` as 'verhalen.issues.required', { defaultValue: issue.message }),
    })),
  });
}

/** A photo refused for its size gets a message that says the limit. */
export function photoError(caught: unknown, maxBytes: number): unknown {
  if (caught instanceof ApiError && caught.status === 413) {
    return new ApiError({
      id: caught.id,
      status: 413,
      message: fixedT()('verhalen.issues.too_large', { mb: Math.round(maxBytes / 1024 / 1024) }),
      issues: [{ path: 'photo', message: fixedT()('verhalen.issues.too_large', { mb: Math.round(maxBytes / 1024 / 1024) }) }],
    });
  }
  return translateIssues(caught);
}

export const allowedPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'];

/** Checks a chosen file before sending it: type and size. Returns a message or undefined. */
export function checkPhotoFile(file: File, maxBytes: number): string | undefined {
  const t = fixedT();
  if (!allowedPhotoTypes.includes(file.type)) return t('verhalen.issues.not_an_image');
  if (file.size > maxBytes) return t('verhalen.issues.too_large', { mb: Math.round(maxBytes / 1024 / 1024) });
  return undefined;
}
