import { StatusMessage } from './StatusMessage.tsx';

/** The end of a form: its primary submit button, then the polite live region that says what was saved. */
export function SubmitRow({ label, status }: { label: string; status: string | null }) {
  return (
    <>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {label}
        </button>
      </div>
      <StatusMessage message={status} />
    </>
  );
}
