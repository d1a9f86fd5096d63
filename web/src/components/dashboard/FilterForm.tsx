import { type FormEvent, useRef, useState } from 'react';
import { useNavigation, useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { filterableQuestions, parseReportQuery, withReportQuery } from './helpers.ts';
import type { ReportTable } from './types.ts';

/** The survey's own question about the sector people work in; the API filters on it with ?sector=. */
const SECTOR_QUESTION = 'sector';

/**
 * Team, sector and an answer filter ("only those who chose X at question Y"). Applying it changes
 * the page address, so a filtered view can be bookmarked and shared; the report loads again.
 */
export function FilterForm({ teams, tables }: { teams: { id: string; name: string }[]; tables: ReportTable[] }) {
  const { t } = useT();
  const [search, setSearch] = useSearchParams();
  const navigation = useNavigation();
  const current = parseReportQuery(search);
  // With too few answers the API sends no tables: keep offering the questions seen before.
  const latest = filterableQuestions(tables);
  const remembered = useRef(latest);
  if (latest.length > 0) remembered.current = latest;
  const questions = remembered.current;
  const sectors = questions.find((q) => q.question === SECTOR_QUESTION)?.options ?? [];
  const [team, setTeam] = useState(current.team ?? '');
  const [sector, setSector] = useState(current.sector ?? '');
  const [question, setQuestion] = useState(current.filter?.question ?? '');
  const [option, setOption] = useState(current.filter?.option ?? '');
  const options = questions.find((q) => q.question === question)?.options ?? [];
  const busy = navigation.state === 'loading' && navigation.location?.pathname === window.location.pathname;
  const active = Boolean(current.team || current.sector || current.filter);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filter = question && option ? { question, option } : null;
    setSearch(withReportQuery(search, { team: team || null, sector: sector || null, filter }));
  };
  const clear = () => {
    setTeam('');
    setSector('');
    setQuestion('');
    setOption('');
    setSearch(withReportQuery(search, { team: null, sector: null, filter: null }));
  };

  return (
    <form className="filter-form" onSubmit={submit} aria-labelledby="filters-heading" aria-busy={busy}>
      <h2 id="filters-heading">{t('dashboard.filters.heading')}</h2>
      <p className="field-hint">{t('dashboard.filters.intro')}</p>
      <div className="filter-fields">
        {(teams.length > 0 || current.team) && (
          <SelectField label={t('dashboard.filters.team')} value={team} onChange={(e) => setTeam(e.target.value)} name="team">
            <option value="">{t('dashboard.filters.allTeams')}</option>
            {teams.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
        )}
        {(sectors.length > 0 || current.sector) && (
          <SelectField label={t('dashboard.filters.sector')} value={sector} onChange={(e) => setSector(e.target.value)} name="sector">
            <option value="">{t('dashboard.filters.allSectors')}</option>
            {sectors.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('dashboard.filters.question')}
          hint={t('dashboard.filters.questionHint')}
          value={question}
          onChange={(e) => {
            setQuestion(e.target.value);
            setOption('');
          }}
        >
          <option value="">{t('dashboard.filters.noQuestion')}</option>
          {questions.map((q) => (
            <option key={q.question} value={q.question}>
              {q.text}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dashboard.filters.option')} value={option} onChange={(e) => setOption(e.target.value)} disabled={!question}>
          <option value="">{question ? t('dashboard.filters.chooseOption') : t('dashboard.filters.chooseQuestionFirst')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('dashboard.filters.apply')}
        </button>
        {active && (
          <button type="button" className="button button-secondary" onClick={clear}>
            {t('dashboard.filters.clear')}
          </button>
        )}
      </div>
      <p className="status-message" role="status">
        {busy ? t('dashboard.filters.loading') : ''}
      </p>
    </form>
  );
}
