import { useT } from '../../../i18n.ts';
import { focusSoon } from './context.tsx';

type Props = {
  uid: string;
  /** What the buttons act on, for screen readers: "vraag 2", "antwoord 1". */
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove?: (() => void) | undefined;
  removeLabel?: string;
};

/**
 * "Omhoog", "Omlaag" and "Verwijderen" for one item of a list: no dragging needed. After a move the
 * focus stays on the same button of the moved item, so pressing it again keeps moving it. At the
 * edge a button stays focusable but does nothing (aria-disabled).
 */
export function RowButtons({ uid, name, index, count, onMove, onRemove, removeLabel }: Props) {
  const { t } = useT();
  const moveButton = (delta: -1 | 1) => {
    const edge = delta === -1 ? index === 0 : index === count - 1;
    const direction = delta === -1 ? 'up' : 'down';
    return (
      <button
        type="button"
        className="button button-secondary button-small"
        data-move={`${uid}:${direction}`}
        aria-disabled={edge || undefined}
        aria-label={`${t(delta === -1 ? 'inBeeld.editor.up' : 'inBeeld.editor.down')}: ${name}`}
        onClick={() => {
          if (edge) return;
          onMove(delta);
          focusSoon(`[data-move="${uid}:${direction}"]`);
        }}
      >
        {t(delta === -1 ? 'inBeeld.editor.up' : 'inBeeld.editor.down')}
      </button>
    );
  };
  return (
    <div className="button-group row-buttons">
      {count > 1 && moveButton(-1)}
      {count > 1 && moveButton(1)}
      {onRemove && (
        <button
          type="button"
          className="button button-danger-outline button-small"
          onClick={onRemove}
          aria-label={`${removeLabel ?? t('inBeeld.editor.remove')}: ${name}`}
        >
          {removeLabel ?? t('inBeeld.editor.remove')}
        </button>
      )}
    </div>
  );
}
