import { useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import { MemberOptions } from './MemberOptions.tsx';
import type { TrajectoryDetailView } from './types.ts';

type Props = {
  members: TrajectoryDetailView['members'];
  owner: string;
  reviewOn: string;
  onOwner: (value: string) => void;
  onReviewOn: (value: string) => void;
  /** The server's message for a field (ownerUserId, reviewOn), if it has one. */
  issueFor: (field: string) => string | undefined;
};

/** Every agreement has an owner from the team and a date to look at it again. */
export function OwnerFields({ members, owner, reviewOn, onOwner, onReviewOn, issueFor }: Props) {
  const { t } = useT();
  return (
    <div className="field-pair">
      <SelectField
        label={t('trajecten.owner')}
        hint={t('trajecten.ownerHint')}
        value={owner}
        onChange={(e) => onOwner(e.target.value)}
        error={issueFor('ownerUserId')}
      >
        <MemberOptions members={members} emptyLabel={t('trajecten.noOwner')} />
      </SelectField>
      <TextField
        type="date"
        label={t('trajecten.reviewOn')}
        hint={t('trajecten.reviewOnHint')}
        value={reviewOn}
        onChange={(e) => onReviewOn(e.target.value)}
        error={issueFor('reviewOn')}
      />
    </div>
  );
}
