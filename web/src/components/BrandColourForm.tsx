import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, apiPath } from '../api.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { StatusMessage } from './StatusMessage.tsx';
import { TextField } from './TextField.tsx';

const fields = ['colour'] as const;

/**
 * The organisation's colour in its e-mails; the server refuses one on which white text is hard to read.
 * What the person types wins over the stored colour when that arrives later (a slow connection), and
 * the form is not sent empty before the stored colour is known: that would remove it.
 */
export function BrandColourForm({ orgId }: { orgId: string }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const typed = useRef(false);
  const path = apiPath`/api/orgs/${orgId}/branding`;

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ colour: string | null }>(path, { signal: controller.signal })
      .then((b) => {
        if (!typed.current) setValue(b.colour ?? '');
        setLoaded(true);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [path]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || (!loaded && !typed.current)) return;
    setSaved(null);
    const colour = value.trim();
    if (!check({ colour: colour === '' || /^#[0-9a-fA-F]{6}$/.test(colour) ? undefined : t('orgSettings.colourInvalid') })) return;
    setBusy(true);
    try {
      const result = await api.put<{ colour: string | null }>(path, { colour: colour === '' ? null : colour });
      setValue(result.colour ?? '');
      setSaved(result.colour ? t('orgSettings.colourSaved', { colour: result.colour }) : t('orgSettings.colourRemoved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="brand-colour-heading">
      <h2 id="brand-colour-heading">{t('orgSettings.colourHeading')}</h2>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || !loaded || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('orgSettings.colourLabel')}
          hint={t('orgSettings.colourHint')}
          name="colour"
          autoComplete="off"
          spellCheck={false}
          maxLength={7}
          value={value}
          onChange={(event) => {
            typed.current = true;
            setValue(event.target.value);
          }}
          error={fieldErrors.colour}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('orgSettings.colourSave')}
          </button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
