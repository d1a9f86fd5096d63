import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { type FieldErrors, useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { selectionOffsets } from './CodedText.tsx';
import type { Code } from './types.ts';

export const shortQuote = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/** One text that can be coded: its key in the page's text list and its words. */
export interface CodableText {
  key: string;
  text: string;
}

type PositionField = 'start' | 'end' | 'codeId';

interface SegmentCodingOptions<F extends string> {
  codes: Code[];
  /** The form's fields that the server may name in an error: the positions, the code and the text's. */
  fields: readonly (F | PositionField)[];
  /** The texts on the page, in order; a selection in the first that has one is taken. */
  texts: CodableText[];
  /** Makes the text with this key the one the form codes. */
  pick: (key: string) => void;
  noSelectionMessage: string;
  /** False while there is no text to code: the form then sends nothing. */
  ready: boolean;
  /** Sends one segment. */
  save: (segment: { start: number; end: number; codeId: string }) => Promise<{ quote: string }>;
  removePath: (segmentId: string) => string;
}

/**
 * The state and actions of a page that codes texts (a story and its reflections, or the answers to
 * one question): positions from a selection or a listed unit, saving a segment, removing one.
 */
export function useSegmentCoding<F extends string>(options: SegmentCodingOptions<F>) {
  const { codes, fields, texts, pick, noSelectionMessage, ready, save, removePath } = options;
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const textRefs = useRef(new Map<string, HTMLDivElement>());
  const formErrors = useFormErrors<F | PositionField>(formRef, fields);
  const { check, fail, reset } = formErrors;
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [unit, setUnit] = useState('');
  const [codeId, setCodeId] = useState(codes[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? '';

  const takeSelection = () => {
    setStatus(null);
    for (const text of texts) {
      const element = textRefs.current.get(text.key);
      const offsets = element ? selectionOffsets(element) : null;
      if (offsets) {
        pick(text.key);
        setStart(String(offsets.start));
        setEnd(String(offsets.end));
        setUnit('');
        setStatus(t('signalen.coding.selectionTaken', { text: shortQuote(text.text.slice(offsets.start, offsets.end)) }));
        return;
      }
    }
    setStatus(noSelectionMessage);
  };

  const chooseUnit = (value: string) => {
    setUnit(value);
    const [from, to] = value.split('-');
    if (from !== undefined && to !== undefined) {
      setStart(from);
      setEnd(to);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !ready) return;
    setStatus(null);
    const number = (v: string) => (/^\d+$/.test(v) ? undefined : t('signalen.coding.positionNeeded'));
    // A generic key type cannot be checked against the literal object, hence the assertion.
    const errors = {
      start: number(start),
      end: number(end),
      codeId: codeId ? undefined : t('signalen.coding.chooseCode'),
    };
    if (!check(errors as FieldErrors<F | PositionField>)) return;
    setBusy(true);
    try {
      const segment = await save({ start: Number(start), end: Number(end), codeId });
      await revalidate();
      reset();
      setStart('');
      setEnd('');
      setUnit('');
      setStatus(t('signalen.coding.segmentSaved', { code: codeName(codeId), text: shortQuote(segment.quote) }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (segment: { id: string; codeId: string }) => {
    setDeleteError(null);
    try {
      await api.delete(removePath(segment.id));
      await revalidate();
      setStatus(t('signalen.coding.segmentRemoved', { code: codeName(segment.codeId) }));
    } catch (caught) {
      setDeleteError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  const textRef = (key: string) => (element: HTMLDivElement | null) => {
    if (element) textRefs.current.set(key, element);
  };

  return {
    ...formErrors,
    formRef,
    textRef,
    start,
    setStart,
    end,
    setEnd,
    unit,
    setUnit,
    codeId,
    setCodeId,
    busy,
    status,
    deleteError,
    codeName,
    takeSelection,
    chooseUnit,
    submit,
    remove,
  };
}
