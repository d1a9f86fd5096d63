import { Link } from 'react-router';
import { useT } from '../i18n.ts';

export type TermKey = 'logics' | 'complementarity' | 'omkadering' | 'positions';

/** Where the glossary explains the term further (the logics have their own entry). */
const GLOSSARY_ENTRY: Record<TermKey, string> = {
  logics: '/begrippen#glossary-logics',
  complementarity: '/begrippen',
  omkadering: '/begrippen',
  positions: '/begrippen#glossary-knowledge_positions',
};

/**
 * The research word behind the plain wording on the page, one tap away: a disclosure that opens
 * (by keyboard too) on the research term, its definition and a link to the glossary.
 */
export function Term({ term }: { term: TermKey }) {
  const { t } = useT();
  const texts = {
    logics: { term: t('terms.logics.term'), definition: t('terms.logics.definition') },
    complementarity: { term: t('terms.complementarity.term'), definition: t('terms.complementarity.definition') },
    omkadering: { term: t('terms.omkadering.term'), definition: t('terms.omkadering.definition') },
    positions: { term: t('terms.positions.term'), definition: t('terms.positions.definition') },
  }[term];
  return (
    <details className="term">
      <summary>{t('terms.summary', { term: texts.term })}</summary>
      <p>
        <dfn>{texts.term}</dfn>: {texts.definition} <Link to={GLOSSARY_ENTRY[term]}>{t('terms.glossaryLink')}</Link>
      </p>
    </details>
  );
}
