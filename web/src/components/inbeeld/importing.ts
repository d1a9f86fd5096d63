import { ApiError, api, type FieldIssue } from '../../api.ts';
import { currentLanguage, fixedT } from '../../i18n.ts';
import type { Language } from '../../types.ts';

/**
 * The import API (src/modules/imports/model.ts) as the browser uses it. The file goes up as base64
 * in JSON, with XMLHttpRequest so the upload can show its progress.
 */

/** The API takes a body of 12 MiB; base64 makes a file a third larger, so 9 MB is what fits. */
export const MAX_FILE_BYTES = 9_000_000;

export type ImportMapping = {
  columns: Record<string, string | null>;
  values?: Record<string, Record<string, string>> | undefined;
  language?: Language | undefined;
  teamId?: string | undefined;
};

export type ImportProblem = { row: number; column: string; message: string };

export type ImportAnswer = { question: string; item: string | null; option: string | null; number: number | null; text: string | null };

export type ImportPreview = {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  columns: { header: string; target: string | null; proposed: string | null }[];
  mapping: ImportMapping;
  proposedMapping: ImportMapping;
  targets: { target: string; label: string }[];
  rows: {
    row: number;
    valid: boolean;
    language: Language | null;
    startedOn: string | null;
    submittedOn: string | null;
    teamId: string | null;
    answers: ImportAnswer[];
  }[];
  counts: { rows: number; valid: number; invalid: number; problems: number };
  problems: ImportProblem[];
  problemCount: number;
};

export type ImportResult = { roundId: string; imported: number; answers: number };

export type ImportBody = { fileName: string; contentBase64: string; sheet?: string | undefined; mapping?: ImportMapping | undefined };

/** The server refused the file: nothing was stored, and these are the problems (at most 1,000 listed). */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly problems: ImportProblem[],
    readonly problemCount: number,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export type Progress = { loaded: number; total: number };

/** Reads a chosen file as base64 (the part after the comma of a data: URL), telling how far it is. */
export function readAsBase64(file: Blob, onProgress: (progress: Progress) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const abort = () => reader.abort();
    signal.addEventListener('abort', abort, { once: true });
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    reader.onload = () => {
      signal.removeEventListener('abort', abort);
      const url = typeof reader.result === 'string' ? reader.result : '';
      onProgress({ loaded: file.size, total: file.size });
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => {
      signal.removeEventListener('abort', abort);
      reject(new ApiError({ id: 'file_unreadable', status: 0, message: fixedT()('inBeeld.import.fileUnreadable') }));
    };
    reader.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    reader.readAsDataURL(file);
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function problemsOf(value: unknown): ImportProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is ImportProblem => isObject(p) && typeof p.row === 'number' && typeof p.column === 'string' && typeof p.message === 'string');
}

function failure(status: number, body: unknown): Error {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const t = fixedT();
  const message = typeof error?.message === 'string' ? error.message : t(status === 404 ? 'error.notFoundText' : 'common.unknownError');
  if (isObject(body) && Array.isArray(body.problems)) {
    const problems = problemsOf(body.problems);
    return new ImportRefused(message, problems, typeof body.problemCount === 'number' ? body.problemCount : problems.length);
  }
  const issues = Array.isArray(error?.issues)
    ? error.issues.filter((i): i is FieldIssue => isObject(i) && typeof i.path === 'string' && typeof i.message === 'string')
    : [];
  return new ApiError({
    id: typeof error?.id === 'string' ? error.id : 'internal',
    message: status === 413 ? t('inBeeld.import.fileTooLarge') : message,
    status,
    issues,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
  });
}

type SendOptions = { onUploadProgress: (progress: Progress) => void; onUploaded: () => void; signal: AbortSignal };

function sendOnce(path: string, body: ImportBody, token: string, options: SendOptions): Promise<{ status: number; body: unknown; ok: boolean }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    options.signal.addEventListener('abort', abort, { once: true });
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => options.onUploaded();
    xhr.onload = () => {
      options.signal.removeEventListener('abort', abort);
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      resolve({ status: xhr.status, body: parsed, ok: xhr.status >= 200 && xhr.status < 300 });
    };
    xhr.onerror = () => {
      options.signal.removeEventListener('abort', abort);
      reject(new ApiError({ id: 'network', message: fixedT()('common.networkError'), status: 0 }));
    };
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(JSON.stringify(body));
  });
}

/**
 * POSTs the file with the CSRF token, telling how much has gone up. A stale token is renewed once.
 * Throws ImportRefused when the server lists problems, ApiError otherwise.
 */
export async function sendImport<T>(path: string, body: ImportBody, options: SendOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const { token } = await api.get<{ token: string }>('/api/csrf', { signal: options.signal });
    const response = await sendOnce(path, body, token, options);
    if (response.ok) return response.body as T;
    const error = failure(response.status, response.body);
    if (attempt === 0 && error instanceof ApiError && error.id === 'csrf_invalid') continue;
    throw error;
  }
}

export type ProblemGroup = { column: string; problems: ImportProblem[] };

/** Problems by column, in the order the columns first appear; problems about the whole file first. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, ImportProblem[]>();
  for (const problem of [...problems].sort((a, b) => Number(a.column !== '') - Number(b.column !== ''))) {
    const list = groups.get(problem.column) ?? [];
    list.push(problem);
    groups.set(problem.column, list);
  }
  return [...groups].map(([column, list]) => ({ column, problems: list.sort((a, b) => a.row - b.row) }));
}

/** Question key → its kind, from the resolved questionnaire, for notes on how cells are read. */
export type QuestionKinds = Map<string, 'single' | 'multiple' | 'likert' | 'matrix' | 'number' | 'text'>;

export function questionKinds(resolved: unknown): QuestionKinds {
  const kinds: QuestionKinds = new Map();
  if (!isObject(resolved) || !Array.isArray(resolved.sections)) return kinds;
  for (const section of resolved.sections) {
    if (!isObject(section) || !Array.isArray(section.questions)) continue;
    for (const q of section.questions) {
      if (!isObject(q) || typeof q.key !== 'string' || typeof q.type !== 'string') continue;
      const type = q.type;
      kinds.set(q.key, type === 'single' || type === 'multiple' || type === 'likert' || type === 'matrix' || type === 'number' ? type : 'text');
    }
  }
  return kinds;
}

/** How the cells of a column linked to `target` are read, when that needs saying. */
export function valueNoteKey(target: string | null, kinds: QuestionKinds): 'choice' | 'multiple' | 'scale' | 'indicator' | 'language' | 'date' | null {
  if (!target) return null;
  if (target === '_language') return 'language';
  if (target === '_submitted_on' || target === '_started_on') return 'date';
  const [question = '', part] = target.split('.');
  const kind = kinds.get(question);
  if (kind === 'matrix') return 'scale';
  if (kind === 'likert') return 'scale';
  if (kind === 'multiple') return part === undefined ? 'multiple' : part === '_other' ? null : 'indicator';
  if (kind === 'single') return part === undefined ? 'choice' : null;
  return null;
}
