import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { SubmitRow } from '../SubmitRow.tsx';
import { TextField } from '../TextField.tsx';
import { CodeOptions } from './CodeOptions.tsx';
import type { Code } from './types.ts';
import type { useSegmentCoding } from './useSegmentCoding.ts';

type SegmentCoding = ReturnType<typeof useSegmentCoding<string>>;

/**
 * The form that codes one part of a text: a button to take the selection, the page's own choice of
 * text and unit (children), the positions, the code and the save button.
 */
export function SegmentForm({ coding, codes, howTo, children }: { coding: SegmentCoding; codes: Code[]; howTo: string; children: ReactNode }) {
  const { t } = useT();
  const { formRef, submit, busy, attempt, formError, fieldErrors, takeSelection, start, setStart, end, setEnd, codeId, setCodeId, status } = coding;
  return (
    <form ref={formRef} className="form section" noValidate onSubmit={submit} aria-labelledby="code-form-heading" aria-busy={busy || undefined}>
      <h2 id="code-form-heading">{t('signalen.coding.codeSegment')}</h2>
      <p>{howTo}</p>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={takeSelection}>
          {t('signalen.coding.useSelection')}
        </button>
      </div>
      {children}
      <div className="field-pair">
        <TextField
          label={t('signalen.coding.start')}
          name="start"
          inputMode="numeric"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          error={fieldErrors.start}
        />
        <TextField
          label={t('signalen.coding.end')}
          name="end"
          inputMode="numeric"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          error={fieldErrors.end}
        />
      </div>
      <SelectField label={t('signalen.coding.code')} name="codeId" value={codeId} onChange={(e) => setCodeId(e.target.value)} error={fieldErrors.codeId}>
        {codes.length === 0 && <option value="">{t('signalen.coding.noCodes')}</option>}
        <CodeOptions codes={codes} />
      </SelectField>
      <SubmitRow label={t('signalen.coding.saveSegment')} status={status} />
    </form>
  );
}

interface SegmentItemProps {
  orgId: string;
  segment: { id: string; codeId: string; quote: string };
  codes: Code[];
  coding: SegmentCoding;
  canRemove: boolean;
  /** Shown after the code's name. */
  meta?: ReactNode;
  /** Shown last. */
  children?: ReactNode;
}

/** One coded segment in a text's list: the code, its quote and, for who may, a remove button. */
export function SegmentItem({ orgId, segment, codes, coding, canRemove, meta, children }: SegmentItemProps) {
  const { t } = useT();
  const { codeName, remove } = coding;
  return (
    <li>
      <span className="code-swatch" style={{ background: codes.find((c) => c.id === segment.codeId)?.colour }} aria-hidden="true" />
      <Link to={`/o/${orgId}/kruisbestuiving/codering/codes/${segment.codeId}`}>{codeName(segment.codeId)}</Link>
      {meta}
      <p className="quote">{segment.quote}</p>
      {canRemove && (
        <button type="button" className="button button-small button-danger-outline" onClick={() => remove(segment)}>
          {t('signalen.coding.removeSegment', { code: codeName(segment.codeId) })}
        </button>
      )}
      {children}
    </li>
  );
}
