import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  /** Where focus goes after a confirmed action: the button that opened the dialog is usually gone with its row. */
  focusAfterConfirm?: RefObject<HTMLElement | null>;
};

/**
 * Asks "are you sure?" before something that cannot easily be undone, in a native modal <dialog>
 * (focus stays inside, Escape cancels). "Annuleren" comes first and gets the focus: the safe choice.
 * Focus goes back to the button that opened it, or after confirming to `focusAfterConfirm`.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null, focusAfterConfirm }: Props) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const confirmed = useRef(false);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      confirmed.current = false;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      const back = opener.current;
      const target = confirmed.current && focusAfterConfirm?.current ? focusAfterConfirm.current : back;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    }
  }, [open, focusAfterConfirm]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (busy) return;
        confirmed.current = false;
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={textId}>{children}</div>
      <ErrorAlert message={error} />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            confirmed.current = false;
            onCancel();
          }}
          disabled={busy}
        >
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            confirmed.current = true;
            onConfirm();
          }}
          aria-disabled={busy || undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
