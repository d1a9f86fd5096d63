import { useT } from '../../i18n.ts';
import type { PhotoPeople } from './types.ts';

/** Whether people can be recognised on the photo, and if so, that they agreed. */
export function PeopleChoice({ value, onChange, error }: { value: PhotoPeople | ''; onChange: (value: PhotoPeople) => void; error?: string | undefined }) {
  const { t } = useT();
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`}>
      <legend>{t('verhalen.photo.people')}</legend>
      {error && (
        <p className="field-error" id="people-error">
          {error}
        </p>
      )}
      <div className="choice-list">
        {(['nobody_recognisable', 'consent_recorded'] as const).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="photo-people"
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'people-error' : undefined}
            />
            <span>{t(`verhalen.photo.peopleOptions.${option}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
