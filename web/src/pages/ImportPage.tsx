import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Field } from '../components/Field.tsx';
import { CommitStep } from '../components/imports/CommitStep.tsx';
import { ImportDone } from '../components/imports/ImportDone.tsx';
import { ImportTargetFields } from '../components/imports/ImportTargetFields.tsx';
import { type Busy, isXlsx, type Loaded, type Refusal, sameMapping } from '../components/imports/import-state.ts';
import { PreviewSummary } from '../components/imports/PreviewSummary.tsx';
import { RefusalAlert } from '../components/imports/RefusalAlert.tsx';
import { ImportProgress, MappingTable, RowsPreview } from '../components/inbeeld/ImportParts.tsx';
import {
  type ImportMapping,
  type ImportPreview,
  ImportRefused,
  type ImportResult,
  MAX_FILE_BYTES,
  type QuestionKinds,
  questionKinds,
  readAsBase64,
  sendImport,
} from '../components/inbeeld/importing.ts';
import type { InstrumentListItem, RoundDetail, VersionView } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useT } from '../i18n.ts';
import type { Language } from '../types.ts';

/** The question types of the round's questionnaire, for notes on how cells are read; none when it cannot be found. */
async function loadKinds(orgId: string, versionId: string, signal: AbortSignal): Promise<QuestionKinds> {
  const { instruments } = await api.get<{ instruments: InstrumentListItem[] }>(apiPath`/api/orgs/${orgId}/instruments`, { signal });
  const instrument = instruments.find((i) => i.id && i.published?.id === versionId);
  if (!instrument?.id || !instrument.published) return new Map();
  const version = await api.get<VersionView>(apiPath`/api/orgs/${orgId}/instruments/${instrument.id}/versions/${instrument.published.version}`, { signal });
  return questionKinds(version.resolved);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.manageRounds);
  const round = await api.get<RoundDetail>(apiPath`/api/orgs/${org.id}/rounds/${params.roundId ?? ''}`, { signal: request.signal });
  const kinds = await loadKinds(org.id, round.instrumentVersionId, request.signal).catch((): QuestionKinds => new Map());
  return { round, kinds };
}

/**
 * "Bestaande gegevens importeren": 1) choose a CSV or Excel file, 2) check what the server makes of
 * it and fix the mapping, 3) import every row at once, or nothing when anything is wrong.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { round, kinds } = useLoaderData<typeof loader>();
  const roundPath = `/o/${org.id}/in-beeld/rounds/${round.id}`;
  const apiBase = apiPath`/api/orgs/${org.id}/rounds/${round.id}/imports`;
  const teamLinks = round.links.filter((l) => l.teamId !== null);
  const hasOrganisationLink = round.links.some((l) => l.teamId === null);
  const teamNames = new Map(teamLinks.map((l) => [l.teamId ?? '', l.teamName ?? '']));

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [sheet, setSheet] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [language, setLanguage] = useState<Language>('nl');
  const [teamId, setTeamId] = useState(hasOrganisationLink ? '' : (teamLinks[0]?.teamId ?? ''));
  const [busy, setBusy] = useState<Busy | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const attempts = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const importHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [focusTarget, setFocusTarget] = useState<'preview' | 'result' | 'file' | null>(null);
  const blockedId = useId();

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (focusTarget === 'preview') previewHeading.current?.focus();
    if (focusTarget === 'result') resultHeading.current?.focus();
    if (focusTarget === 'file') fileInput.current?.focus();
    if (focusTarget) setFocusTarget(null);
  }, [focusTarget]);

  const mapping: ImportMapping = {
    columns,
    ...(preview?.mapping.values ? { values: preview.mapping.values } : {}),
    language,
    ...(teamId ? { teamId } : {}),
  };

  const fail = (caught: unknown) => {
    attempts.current++;
    if (caught instanceof DOMException && caught.name === 'AbortError') return;
    if (caught instanceof ImportRefused) {
      setRefusal({ message: caught.message, problems: caught.problems, problemCount: caught.problemCount, attempt: attempts.current });
      return;
    }
    const failure = caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') });
    setError({ error: failure, attempt: attempts.current });
  };

  /** Sends the file with a mapping (or none: the server proposes one) and shows what comes back. */
  const runPreview = async (source: Loaded, withMapping: ImportMapping | undefined, signal: AbortSignal): Promise<ImportPreview> => {
    setBusy({ purpose: 'check', stage: 'uploading', progress: null });
    setStatus(t('inBeeld.import.busyUploading'));
    return sendImport<ImportPreview>(
      `${apiBase}/preview`,
      { fileName: source.fileName, contentBase64: source.contentBase64, sheet: source.sheet, mapping: withMapping },
      {
        signal,
        onUploadProgress: (progress) => setBusy({ purpose: 'check', stage: 'uploading', progress }),
        onUploaded: () => {
          setBusy({ purpose: 'check', stage: 'waiting', progress: null });
          setStatus(t('inBeeld.import.busyChecking'));
        },
      },
    );
  };

  const showPreview = (next: ImportPreview) => {
    setPreview(next);
    setColumns(next.mapping.columns);
    const problems = next.counts.problems;
    setStatus(
      problems > 0
        ? t('inBeeld.import.checkedProblems', { rows: next.counts.rows, count: problems })
        : t('inBeeld.import.checkedOk', { rows: next.counts.rows, count: next.counts.rows }),
    );
    setFocusTarget('preview');
  };

  const begin = () => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setError(null);
    setRefusal(null);
    return next.signal;
  };

  /** Step 1: read the chosen file, send it, and show the proposed mapping with every problem. */
  const checkFile = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(t('inBeeld.import.fileRequired'));
      setFocusTarget('file');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('inBeeld.import.fileTooLarge'));
      setFocusTarget('file');
      return;
    }
    setFileError(undefined);
    const signal = begin();
    try {
      setBusy({ purpose: 'check', stage: 'reading', progress: { loaded: 0, total: file.size } });
      setStatus(t('inBeeld.import.busyReading'));
      const contentBase64 = await readAsBase64(file, (progress) => setBusy({ purpose: 'check', stage: 'reading', progress }), signal);
      const source: Loaded = { file, fileName: file.name, contentBase64, sheet: isXlsx(file) && sheet.trim() ? sheet.trim() : undefined };
      let next = await runPreview(source, undefined, signal);
      // The language and the link chosen earlier apply to the new file too: check once more with them.
      const wanted = { ...next.mapping, language, ...(teamId ? { teamId } : {}) };
      if (!sameMapping(wanted, next.mapping)) next = await runPreview(source, wanted, signal);
      setLoaded(source);
      setResult(null);
      showPreview(next);
    } catch (caught) {
      setStatus(null);
      if (caught instanceof ImportRefused) {
        // This file cannot be read: what was shown of an earlier file no longer applies.
        setPreview(null);
        setLoaded(null);
      }
      fail(caught);
    } finally {
      setBusy(null);
    }
  };

  /** "Opnieuw controleren": the same file with the mapping as it is now on the screen. */
  const recheck = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !loaded) return;
    const signal = begin();
    try {
      showPreview(await runPreview(loaded, mapping, signal));
    } catch (caught) {
      setStatus(null);
      fail(caught);
    } finally {
      setBusy(null);
    }
  };

  /** Step 3, after "Ja, importeren": every row, or nothing. */
  const commit = async () => {
    if (busy || !loaded || !preview) return;
    setConfirming(false);
    const signal = begin();
    setBusy({ purpose: 'import', stage: 'uploading', progress: null });
    setStatus(t('inBeeld.import.busyImporting'));
    try {
      const done = await sendImport<ImportResult>(
        apiBase,
        { fileName: loaded.fileName, contentBase64: loaded.contentBase64, sheet: loaded.sheet, mapping },
        {
          signal,
          onUploadProgress: (progress) => setBusy({ purpose: 'import', stage: 'uploading', progress }),
          onUploaded: () => setBusy({ purpose: 'import', stage: 'waiting', progress: null }),
        },
      );
      setResult(done);
      setStatus(null);
      setFocusTarget('result');
    } catch (caught) {
      setStatus(null);
      if (caught instanceof ImportRefused) {
        // The file was checked again and something is wrong now: show it where the problems are.
        setPreview({
          ...preview,
          problems: caught.problems,
          problemCount: caught.problemCount,
          counts: { ...preview.counts, problems: caught.problemCount },
        });
        attempts.current++;
        setError({ error: new ApiError({ id: 'validation_failed', status: 400, message: caught.message }), attempt: attempts.current });
        setFocusTarget('preview');
      } else fail(caught);
    } finally {
      setBusy(null);
    }
  };

  const startOver = () => {
    setResult(null);
    setPreview(null);
    setLoaded(null);
    setFile(null);
    setStatus(null);
    if (fileInput.current) fileInput.current.value = '';
    setFocusTarget('file');
  };

  const dirty = preview !== null && !sameMapping(mapping, preview.mapping);
  const otherFile = preview !== null && loaded !== null && file !== loaded.file;
  const problemCount = preview?.counts.problems ?? 0;
  const blocked = busy
    ? t('inBeeld.import.blockedBusy')
    : otherFile
      ? t('inBeeld.import.blockedOtherFile')
      : dirty
        ? t('inBeeld.import.blockedChanged')
        : problemCount > 0
          ? t('inBeeld.import.blockedProblems', { count: problemCount })
          : preview && preview.counts.valid === 0
            ? t('inBeeld.import.blockedNoRows')
            : null;

  const busyLabel = busy
    ? busy.stage === 'reading'
      ? t('inBeeld.import.busyReading')
      : busy.stage === 'uploading'
        ? t('inBeeld.import.busyUploading')
        : busy.purpose === 'import'
          ? t('inBeeld.import.busyStoring')
          : t('inBeeld.import.busyChecking')
    : '';

  if (result) {
    return (
      <>
        <p className="back-link">
          <Link to={roundPath}>{t('inBeeld.import.backToRound')}</Link>
        </p>
        <PageTitle text={t('inBeeld.import.title')} />
        <ImportDone roundPath={roundPath} roundName={round.name} imported={result.imported} headingRef={resultHeading} onAnother={startOver} />
      </>
    );
  }

  return (
    <>
      <p className="back-link">
        <Link to={roundPath}>{t('inBeeld.import.backToRound')}</Link>
      </p>
      <PageTitle text={t('inBeeld.import.title')} />
      <p className="lead">{t('inBeeld.import.intro', { round: round.name })}</p>
      <StatusMessage message={status} />
      <ErrorAlert key={`e${error?.attempt ?? 0}`} message={error?.error.message ?? null} requestId={error?.error.requestId} />

      <section className="section" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('inBeeld.import.step1')}</h2>
        <form className="form" noValidate onSubmit={checkFile} aria-busy={busy?.purpose === 'check' || undefined}>
          <Field label={t('inBeeld.import.fileLabel')} hint={t('inBeeld.import.fileHint')} error={fileError}>
            {(control) => (
              <input
                {...control}
                ref={fileInput}
                type="file"
                name="file"
                accept=".csv,.xlsx,.txt"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(undefined);
                }}
              />
            )}
          </Field>
          {isXlsx(file) && (
            <TextField
              label={t('inBeeld.import.sheetLabel')}
              hint={t('inBeeld.import.sheetHint')}
              value={sheet}
              maxLength={100}
              autoComplete="off"
              onChange={(event) => setSheet(event.target.value)}
            />
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary" aria-disabled={busy ? true : undefined}>
              {t('inBeeld.import.check')}
            </button>
          </div>
        </form>
        {busy && busy.purpose === 'check' && <ImportProgress label={busyLabel} progress={busy.progress} />}
        {refusal && <RefusalAlert key={`r${refusal.attempt}`} refusal={refusal} />}
      </section>

      {preview && (
        <section className="section" aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading" ref={previewHeading} tabIndex={-1}>
            {t('inBeeld.import.step2')}
          </h2>
          <PreviewSummary preview={preview} />

          <form className="import-mapping-form" noValidate onSubmit={recheck} aria-busy={busy?.purpose === 'check' || undefined}>
            <h3>{t('inBeeld.import.mappingHeading')}</h3>
            <p>{t('inBeeld.import.mappingIntro')}</p>
            <p className="field-hint">{t('inBeeld.import.valuesIntro')}</p>
            <MappingTable
              preview={preview}
              columns={columns}
              kinds={kinds}
              onChange={(header, target) => setColumns((current) => ({ ...current, [header]: target }))}
            />
            <div className="form">
              <ImportTargetFields
                language={language}
                setLanguage={setLanguage}
                teamLinks={teamLinks}
                teamId={teamId}
                setTeamId={setTeamId}
                hasOrganisationLink={hasOrganisationLink}
                organisationName={org.name}
              />
              {dirty && <p className="field-hint">{t('inBeeld.import.changedHint')}</p>}
              <div className="button-row">
                <button type="submit" className="button button-secondary" aria-disabled={busy ? true : undefined}>
                  {t('inBeeld.import.recheck')}
                </button>
              </div>
            </div>
          </form>

          <h3>{t('inBeeld.import.rowsHeading')}</h3>
          <p>{t('inBeeld.import.rowsIntro', { count: preview.rows.length })}</p>
          <RowsPreview preview={preview} teamNames={teamNames} />
        </section>
      )}

      {preview && (
        <CommitStep
          preview={preview}
          roundName={round.name}
          blocked={blocked}
          blockedId={blockedId}
          busy={busy}
          busyLabel={busyLabel}
          confirming={confirming}
          setConfirming={setConfirming}
          commit={commit}
          headingRef={importHeading}
        />
      )}
    </>
  );
}
