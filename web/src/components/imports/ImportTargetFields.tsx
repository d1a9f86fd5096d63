import { useT } from '../../i18n.ts';
import type { Language } from '../../types.ts';
import type { RoundDetail } from '../inbeeld/types.ts';
import { SelectField } from '../SelectField.tsx';

/** Step 2's choices for every imported row: the language answered in and the team (or organisation) link. */
export function ImportTargetFields(props: {
  language: Language;
  setLanguage: (language: Language) => void;
  teamLinks: RoundDetail['links'];
  teamId: string;
  setTeamId: (teamId: string) => void;
  hasOrganisationLink: boolean;
  organisationName: string;
}) {
  const { t } = useT();
  const { language, setLanguage, teamLinks, teamId, setTeamId, hasOrganisationLink, organisationName } = props;
  return (
    <>
      <SelectField
        label={t('inBeeld.import.languageLabel')}
        hint={t('inBeeld.import.languageHint')}
        value={language}
        onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'nl')}
      >
        <option value="nl">{t('inBeeld.import.languageNl')}</option>
        <option value="en">{t('inBeeld.import.languageEn')}</option>
      </SelectField>
      {teamLinks.length > 0 && (
        <SelectField
          label={t('inBeeld.import.linkLabel')}
          hint={t('inBeeld.import.linkHint')}
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
        >
          {hasOrganisationLink && <option value="">{t('inBeeld.round.organisationScope', { organisation: organisationName })}</option>}
          {teamLinks.map((link) => (
            <option key={link.id} value={link.teamId ?? ''}>
              {t('inBeeld.round.teamScope', { team: link.teamName ?? '' })}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
