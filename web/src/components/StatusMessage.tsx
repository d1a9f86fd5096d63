/**
 * A polite live region for "saved", "removed" and the like. It is always in the page, so screen
 * readers notice when its text changes.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className="status-message" role="status">
      {message}
    </p>
  );
}
