import { currentLanguage, useT } from '../../../i18n.ts';
import type { Framework, InstrumentDefinition, LocalisedText } from '../types.ts';
import { findFramework, pick } from './context.tsx';

type AnyOption = { key: string; label: LocalisedText };

/**
 * A version to read, not to change: a published one (as it was published, framework options
 * written out), or a draft for people who may look but not edit.
 */
export function VersionOutline({ definition, frameworks }: { definition: InstrumentDefinition; frameworks: Framework[] }) {
  const { t } = useT();
  const lang = currentLanguage();
  const optionsOf = (options: unknown): AnyOption[] => {
    if (Array.isArray(options)) return options as AnyOption[];
    const drawn = options as { framework: string; version: number; include?: string[]; exclude?: string[] };
    const framework = findFramework(frameworks, drawn.framework, drawn.version);
    return (framework?.codes ?? []).filter((c) => (drawn.include ? drawn.include.includes(c.key) : !(drawn.exclude ?? []).includes(c.key)));
  };

  return (
    <div className="outline">
      {definition.intro.nl && <p>{pick(definition.intro, lang)}</p>}
      {definition.sections.length === 0 && <p>{t('inBeeld.editor.noSections')}</p>}
      {definition.sections.map((section, si) => (
        <section key={section.key} className="section" aria-labelledby={`outline-${section.key}`}>
          <h3 id={`outline-${section.key}`}>{t('inBeeld.editor.section.heading', { n: si + 1, title: pick(section.title, lang) })}</h3>
          {section.intro && <p>{pick(section.intro, lang)}</p>}
          <ol className="outline-questions">
            {section.questions.map((question) => (
              <li key={question.key}>
                <p className="outline-question">
                  {pick(question.text, lang)}{' '}
                  <span className="meta">
                    ({t(`inBeeld.types.${question.type}`)}
                    {question.required ? `, ${t('inBeeld.editor.question.requiredShort')}` : ''}
                    {question.showIf ? `, ${t('inBeeld.editor.question.conditional')}` : ''})
                  </span>
                </p>
                {(question.type === 'single' || question.type === 'multiple') && (
                  <ul className="outline-options">
                    {optionsOf(question.options).map((option) => (
                      <li key={option.key}>{pick(option.label, lang)}</li>
                    ))}
                    {question.other && <li>{pick(question.other.label, lang)}</li>}
                  </ul>
                )}
                {question.type === 'matrix' && (
                  <ul className="outline-options">
                    {(Array.isArray(question.items) ? question.items.map((i) => ({ key: i.key, label: i.text })) : optionsOf(question.items)).map((item) => (
                      <li key={item.key}>{pick(item.label, lang)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
