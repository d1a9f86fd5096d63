import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { langOf, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { CharterVersionView } from './types.ts';

type Props = { view: CharterVersionView; section: CharterVersionView['sections'][number]; showDiff: boolean; canComment: boolean; versionPath: string };

/** Paragraphs and "- " list lines, as the generator writes them. */
function Body({ body }: { body: string }) {
  const blocks: { list: boolean; lines: string[] }[] = [];
  for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
    const list = line.trimStart().startsWith('- ') || line.startsWith(' ');
    const last = blocks.at(-1);
    if (last && last.list === list && list) last.lines.push(line);
    else blocks.push({ list, lines: [line] });
  }
  return (
    <>
      {blocks.map((b, i) =>
        b.list ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of a fixed text
          <ul key={i}>
            {b.lines.map((l, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text
              <li key={j} className={l.startsWith('  ') ? 'charter-sub' : undefined}>
                {l.trimStart().replace(/^- /, '')}
              </li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of a fixed text
          <p key={i}>{b.lines.join(' ')}</p>
        ),
      )}
    </>
  );
}

/** One section of a charter version: its text (or what changed), what is still open, and the comments. */
export function CharterSection({ view, section, showDiff, canComment, versionPath }: Props) {
  const { t, i18n } = useT();
  const [comment, setComment] = useState('');
  const save = useSave();
  const diff = view.diff.find((d) => d.key === section.key);
  const comments = view.comments.filter((c) => c.sectionKey === section.key);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(() => api.post(`${versionPath}/comments`, { sectionKey: section.key, text: comment }), t('trajecten.commentSaved'))) setComment('');
  };
  return (
    <section className="charter-section" aria-labelledby={`charter-${section.key}`}>
      <h2 id={`charter-${section.key}`}>
        {section.title}
        {diff && diff.change !== 'same' && <span className="tag tag-open">{t(`trajecten.change.${diff.change}`)}</span>}
      </h2>
      {showDiff && diff && diff.change !== 'same' ? (
        <p className="charter-diff">
          {diff.parts.map((p, i) =>
            p.added ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed diff
              <ins key={i}>{p.value}</ins>
            ) : p.removed ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed diff
              <del key={i}>{p.value}</del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed diff
              <span key={i}>{p.value}</span>
            ),
          )}
        </p>
      ) : (
        <Body body={section.body} />
      )}
      {section.open.length > 0 && (
        <div className="charter-open">
          <h3>{t('trajecten.stillOpen')}</h3>
          <ul>
            {section.open.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </div>
      )}
      {section.key !== 'kader' && (
        <div className="charter-comments no-print">
          <h3>{t('trajecten.comments', { count: comments.length })}</h3>
          {comments.length > 0 && (
            <ul className="trajectory-list">
              {comments.map((c) => (
                <li key={c.id}>
                  <strong>{c.author.displayName}</strong> ({formatDateTime(c.createdAt, langOf(i18n.resolvedLanguage))}): {c.text}
                </li>
              ))}
            </ul>
          )}
          {canComment && (
            <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
              <SaveFeedback {...save} />
              <TextAreaField
                label={t('trajecten.commentOn', { section: section.title })}
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                error={save.issue('text')}
              />
              <div className="button-row">
                <button type="submit" className="button button-secondary button-small">
                  {t('trajecten.addComment', { section: section.title })}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
