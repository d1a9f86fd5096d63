import { useT } from '../../i18n.ts';

type Pacing = 'presenter' | 'participant';

/** Who sets the pace: the facilitator (one prompt at a time for everyone) or each participant on their phone. */
export function PacingControl({ pacing, change }: { pacing: Pacing; change: (pacing: Pacing) => void }) {
  const { t } = useT();
  const other: Pacing = pacing === 'presenter' ? 'participant' : 'presenter';
  return (
    <div className="meeting-pacing">
      <p id="panel-pacing">{t(`meetings.pacing.now.${pacing}`)}</p>
      <button type="button" className="button button-secondary" aria-describedby="panel-pacing" onClick={() => change(other)}>
        {t(`meetings.pacing.switchTo.${other}`)}
      </button>
    </div>
  );
}
