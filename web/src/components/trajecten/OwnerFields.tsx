import { useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import type { TrajectoryDetailView } from './types.ts';

type Props = {
  members: TrajectoryDetailView['members'];
  owner: string;
  reviewOn: string;
  onOwner: (value: string) => void;
  onReviewOn: (value: string) => void;
  errors: { owner?: string | undefined; reviewOn?: string | undefined };
};

/** Every agreement has an owner from the team and a date to look at it again. */
export function OwnerFields({ members, owner, reviewOn, onOwner, onReviewOn, errors }: Props) {
  const { t } = useT();
  return (
    <div className="field-pair">
      <SelectField label={t('trajecten.owner')} hint={t('trajecten.ownerHint')} value={owner} onChange={(e) => onOwner(e.target.value)} error={errors.owner}>
        <option value="">{t('trajecten.noOwner')}</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
      </SelectField>
      <TextField
        type="date"
        label={t('trajecten.reviewOn')}
        hint={t('trajecten.reviewOnHint')}
        value={reviewOn}
        onChange={(e) => onReviewOn(e.target.value)}
        error={errors.reviewOn}
      />
    </div>
  );
}
