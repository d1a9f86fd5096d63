import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { ApiError, api, apiPath } from '../../../api.ts';
import { formatDateTime } from '../../../format.ts';
import { useRevalidate } from '../../../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../../../i18n.ts';
import type { Organisation } from '../../../types.ts';
import { ConfirmDialog } from '../../ConfirmDialog.tsx';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { StatusMessage } from '../../StatusMessage.tsx';
import type { Framework, InstrumentDefinition, InstrumentDetail, VersionView } from '../types.ts';
import { EditorToolsProvider, focusSoon, pick } from './context.tsx';
import { describePath } from './describe.ts';
import { LocalisedInputs } from './fields.tsx';
import { IssueProvider, IssueSummary, type PlacedIssue } from './issues.tsx';
import {
  allQuestionKeys,
  anchorId,
  anchorOf,
  conditionMentions,
  type EdDefinition,
  type EdQuestion,
  limits,
  move,
  newQuestion,
  newSection,
  nextKey,
  updateSection,
  withoutUids,
  withUids,
} from './model.ts';
import { SectionEditor } from './SectionEditor.tsx';
import type { EarlierQuestion } from './ShowIfEditor.tsx';

type Props = { org: Organisation; instrument: InstrumentDetail; version: VersionView; frameworks: Framework[]; previewUrl: string };
type Deleting = { kind: 'section' | 'question'; uid: string };

/**
 * The form that edits a draft: title and introduction, the sections in order, the questions of
 * each section. "Opslaan" sends the whole definition; the server checks it and names every problem,
 * which appears next to its field and in a list at the top. "Publiceren" fixes the version for good.
 */
export function InstrumentEditor({ org, instrument, version, frameworks, previewUrl }: Props) {
  const { t } = useT();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const revalidate = useRevalidate();
  const [definition, setDefinition] = useState<EdDefinition>(() => withUids(version.definition as unknown as InstrumentDefinition));
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<PlacedIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const partsHeading = useRef<HTMLHeadingElement>(null);
  const base = apiPath`/api/orgs/${org.id}/instruments/${instrument.id}/versions/${version.version}`;

  const change = (next: (current: EdDefinition) => EdDefinition) => {
    setDefinition(next);
    setDirty(true);
    setStatus(null);
  };
  const tools = useMemo(() => ({ frameworks, announce: setAnnouncement, lang }), [frameworks, lang]);

  // Leaving with unsaved changes: ask first (links inside the app), or let the browser ask (closing the tab).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const showProblems = (caught: unknown, sent: EdDefinition) => {
    const failure = caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') });
    const placed = failure.issues.map((issue) => ({ anchor: anchorOf(sent, issue.path), where: describePath(issue.path, t), message: issue.message }));
    setIssues(placed);
    setAttempt((n) => n + 1);
    setError(placed.length ? null : failure);
    if (placed.length) requestAnimationFrame(() => summaryHeading.current?.focus());
  };

  const save = async (): Promise<boolean> => {
    if (busy) return false;
    const sent = definition;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await api.put<VersionView>(base, { definition: withoutUids(sent) });
      setIssues([]);
      setDirty(false);
      setStatus(t('inBeeld.editor.saved', { time: formatDateTime(new Date().toISOString(), lang) }));
      await revalidate();
      return true;
    } catch (caught) {
      showProblems(caught, sent);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (busy) return;
    setPublishError(null);
    if (dirty && !(await save())) {
      setPublishing(false);
      return;
    }
    setBusy(true);
    try {
      await api.post<VersionView>(`${base}/publish`);
      setDirty(false);
      setPublishing(false);
      navigate(`?version=${version.version}`, { replace: true, state: { published: version.version } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) {
        setPublishing(false);
        showProblems(caught, definition);
      } else setPublishError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  /** Unsaved changes: save them first, then show the preview in the tab opened at the click. */
  const openPreview = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!dirty) return;
    event.preventDefault();
    const tab = window.open('about:blank', '_blank');
    if (await save()) {
      if (tab) tab.location.href = previewUrl;
      else window.open(previewUrl, '_blank', 'noopener');
    } else tab?.close();
  };

  const earlierByQuestion = useMemo(() => {
    const map = new Map<string, EarlierQuestion[]>();
    const seen: EarlierQuestion[] = [];
    definition.sections.forEach((section, si) => {
      section.questions.forEach((question, qi) => {
        map.set(question.uid, [...seen]);
        seen.push({ question, section: si + 1, number: qi + 1 });
      });
    });
    return map;
  }, [definition]);

  const addSection = () => {
    const section = newSection(
      nextKey(
        'deel',
        definition.sections.map((s) => s.key),
      ),
    );
    change((d) => ({ ...d, sections: [...d.sections, section] }));
    focusSoon(`#${anchorId(`${section.uid}/title/nl`)} input`);
  };

  const addQuestion = (sectionUid: string, type: EdQuestion['type']) => {
    const question = newQuestion(type, nextKey('vraag', allQuestionKeys(definition)));
    change((d) => updateSection(d, sectionUid, (s) => ({ ...s, questions: [...s.questions, question] })));
    setOpen((current) => new Set([...current, question.uid]));
    setAnnouncement(t('inBeeld.editor.question.added', { type: t(`inBeeld.types.${type}`) }));
    focusSoon(`#${anchorId(`${question.uid}/text/nl`)} input`);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    if (deleting.kind === 'section') {
      change((d) => ({ ...d, sections: d.sections.filter((s) => s.uid !== deleting.uid) }));
      setAnnouncement(t('inBeeld.editor.section.deleted'));
    } else {
      const key = definition.sections.flatMap((s) => s.questions).find((q) => q.uid === deleting.uid)?.key;
      change((d) => ({
        ...d,
        sections: d.sections.map((s) => ({
          ...s,
          questions: s.questions
            .filter((q) => q.uid !== deleting.uid)
            .map((q) => (key !== undefined && conditionMentions(q.showIf, key) ? { ...q, showIf: undefined } : q)),
        })),
      }));
      setAnnouncement(t('inBeeld.editor.question.deleted'));
    }
    setDeleting(null);
  };

  const deletingQuestion = deleting?.kind === 'question' ? definition.sections.flatMap((s) => s.questions).find((q) => q.uid === deleting.uid) : undefined;
  const deletingSection = deleting?.kind === 'section' ? definition.sections.find((s) => s.uid === deleting.uid) : undefined;
  const dependents = deletingQuestion
    ? definition.sections.flatMap((s) => s.questions).filter((q) => q.uid !== deletingQuestion.uid && conditionMentions(q.showIf, deletingQuestion.key)).length
    : 0;

  const actions = (place: 'top' | 'bottom') => (
    <div className="button-row editor-actions">
      <button type="button" className="button button-primary" onClick={() => void save()} aria-disabled={busy || undefined}>
        {busy ? t('inBeeld.editor.saving') : t('inBeeld.editor.save')}
      </button>
      <a
        className="button button-secondary"
        href={previewUrl}
        target="_blank"
        rel="noopener"
        aria-label={`${t('inBeeld.editor.preview')} ${t('common.newTab')}`}
        onClick={openPreview}
      >
        {t('inBeeld.editor.preview')}
      </a>
      {place === 'top' && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setPublishError(null);
            setPublishing(true);
          }}
        >
          {t('inBeeld.editor.publish')}
        </button>
      )}
    </div>
  );

  return (
    <EditorToolsProvider value={tools}>
      <IssueProvider value={issues}>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        <IssueSummary key={attempt} issues={issues} headingRef={summaryHeading} />
        <ErrorAlert key={`e${attempt}`} message={error?.message ?? null} requestId={error?.requestId} />
        {actions('top')}
        <p className="field-hint">{dirty ? t('inBeeld.editor.unsaved') : t('inBeeld.editor.previewHint')}</p>
        <StatusMessage message={status} />

        <section className="section" aria-labelledby="editor-title-heading">
          <h2 id="editor-title-heading">{t('inBeeld.editor.titleHeading')}</h2>
          <LocalisedInputs
            anchor="title"
            label={t('inBeeld.editor.title')}
            value={definition.title}
            maxLength={limits.title}
            onChange={(title) => change((d) => ({ ...d, title }))}
          />
          <LocalisedInputs
            anchor="intro"
            label={t('inBeeld.editor.intro')}
            hint={t('inBeeld.editor.introHint')}
            required={false}
            multiline
            value={definition.intro}
            maxLength={limits.intro}
            onChange={(intro) => change((d) => ({ ...d, intro }))}
          />
        </section>

        <section className="section" aria-labelledby="editor-parts-heading">
          <h2 id="editor-parts-heading" ref={partsHeading} tabIndex={-1}>
            {t('inBeeld.editor.partsHeading')}
          </h2>
          <p>{t('inBeeld.editor.partsIntro')}</p>
          <div id={anchorId('sections')}>{definition.sections.length === 0 && <p className="notice">{t('inBeeld.editor.noSections')}</p>}</div>
          <ol className="section-list">
            {definition.sections.map((section, si) => (
              <SectionEditor
                key={section.uid}
                section={section}
                index={si}
                count={definition.sections.length}
                earlierFor={(uid) => earlierByQuestion.get(uid) ?? []}
                openQuestions={open}
                onToggleQuestion={(uid) =>
                  setOpen((current) => {
                    const next = new Set(current);
                    if (!next.delete(uid)) next.add(uid);
                    return next;
                  })
                }
                onChange={(next) => change((d) => updateSection(d, next.uid, () => next))}
                onMove={(delta) => {
                  change((d) => ({ ...d, sections: move(d.sections, si, delta) }));
                  setAnnouncement(t('inBeeld.editor.section.moved', { n: si + 1, to: si + 1 + delta }));
                }}
                onDelete={() => setDeleting({ kind: 'section', uid: section.uid })}
                onAddQuestion={(type) => addQuestion(section.uid, type)}
                onMoveQuestion={(qi, delta) => {
                  change((d) => updateSection(d, section.uid, (s) => ({ ...s, questions: move(s.questions, qi, delta) })));
                  setAnnouncement(t('inBeeld.editor.question.moved', { n: qi + 1, to: qi + 1 + delta }));
                }}
                onDeleteQuestion={(uid) => setDeleting({ kind: 'question', uid })}
              />
            ))}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={addSection}>
              {t('inBeeld.editor.section.add')}
            </button>
          </div>
        </section>

        {actions('bottom')}

        <ConfirmDialog
          open={deleting !== null}
          title={
            deletingSection
              ? t('inBeeld.editor.section.confirmTitle', { title: pick(deletingSection.title, lang) || deletingSection.key })
              : t('inBeeld.editor.question.confirmTitle', { text: pick(deletingQuestion?.text, lang) || deletingQuestion?.key || '' })
          }
          confirmLabel={t('inBeeld.editor.confirmDelete')}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
          focusAfterConfirm={partsHeading}
        >
          {deletingSection ? (
            <p>{t('inBeeld.editor.section.confirmText', { count: deletingSection.questions.length })}</p>
          ) : (
            <>
              <p>{t('inBeeld.editor.question.confirmText')}</p>
              {dependents > 0 && <p>{t('inBeeld.editor.question.dependents', { count: dependents })}</p>}
            </>
          )}
        </ConfirmDialog>

        <ConfirmDialog
          open={publishing}
          title={t('inBeeld.editor.publishTitle', { version: version.version })}
          confirmLabel={t('inBeeld.editor.publishConfirm')}
          onConfirm={() => void publish()}
          onCancel={() => setPublishing(false)}
          busy={busy}
          error={publishError}
        >
          <p>{t('inBeeld.editor.publishText')}</p>
          {dirty && <p>{t('inBeeld.editor.publishSavesFirst')}</p>}
        </ConfirmDialog>

        <ConfirmDialog
          open={blocker.state === 'blocked'}
          title={t('inBeeld.editor.leaveTitle')}
          confirmLabel={t('inBeeld.editor.leaveConfirm')}
          onConfirm={() => blocker.proceed?.()}
          onCancel={() => blocker.reset?.()}
        >
          <p>{t('inBeeld.editor.leaveText')}</p>
        </ConfirmDialog>
      </IssueProvider>
    </EditorToolsProvider>
  );
}
