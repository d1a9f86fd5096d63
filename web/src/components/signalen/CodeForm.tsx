import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { SubmitRow } from '../SubmitRow.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { CodeOptions } from './CodeOptions.tsx';
import type { Code } from './types.ts';

const fields = ['name', 'description', 'colour', 'parentId'] as const;

/** Adds an own code to the codebook: a name, what it means, a colour and optionally a parent code. */
export function CodeForm({ orgId, codes }: { orgId: string; codes: Code[] }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [values, setValues] = useState({ name: '', description: '', colour: '#1f77b4', parentId: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    if (!check({ name: values.name.trim() ? undefined : t('signalen.raise.required') })) return;
    setBusy(true);
    try {
      const code = await api.post<Code>(apiPath`/api/orgs/${orgId}/coding/codes`, { ...values, parentId: values.parentId || null });
      await revalidate();
      setValues({ name: '', description: '', colour: values.colour, parentId: '' });
      setStatus(t('signalen.coding.codeCreated', { name: code.name }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="new-code-heading" aria-busy={busy || undefined}>
      <h3 id="new-code-heading">{t('signalen.coding.newCode')}</h3>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <TextField label={t('signalen.coding.codeName')} name="name" maxLength={100} value={values.name} onChange={set('name')} error={fieldErrors.name} />
      <TextAreaField
        label={t('signalen.coding.codeDescription')}
        name="description"
        maxLength={2000}
        value={values.description}
        onChange={set('description')}
        error={fieldErrors.description}
      />
      <TextField label={t('signalen.coding.colour')} type="color" name="colour" value={values.colour} onChange={set('colour')} error={fieldErrors.colour} />
      <SelectField label={t('signalen.coding.parent')} name="parentId" value={values.parentId} onChange={set('parentId')} error={fieldErrors.parentId}>
        <option value="">{t('signalen.coding.noParent')}</option>
        <CodeOptions codes={codes} />
      </SelectField>
      <SubmitRow label={t('signalen.coding.addCode')} status={status} />
    </form>
  );
}
