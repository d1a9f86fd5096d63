import type { ImportMapping, ImportRefused, Progress } from '../inbeeld/importing.ts';

/** The import page's state shapes and the small checks on them. */
export type Busy = { purpose: 'check' | 'import'; stage: 'reading' | 'uploading' | 'waiting'; progress: Progress | null };
export type Loaded = { file: File; fileName: string; contentBase64: string; sheet: string | undefined };
export type Refusal = { message: string; problems: ImportRefused['problems']; problemCount: number; attempt: number };

export const isXlsx = (file: File | null) => file !== null && /\.xlsx$/i.test(file.name);
export const sameMapping = (a: ImportMapping, b: ImportMapping) =>
  JSON.stringify(a.columns) === JSON.stringify(b.columns) && (a.language ?? 'nl') === (b.language ?? 'nl') && (a.teamId ?? '') === (b.teamId ?? '');
