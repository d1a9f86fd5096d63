import { type FormEvent, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextField } from '../TextField.tsx';
import { pick } from './editor/context.tsx';
import { INSTRUMENT_KEY_PATTERN, keyFromTitle, uniqueKey } from './keys.ts';
import { type BuiltinForm, builtinForms, type InstrumentDetail, type InstrumentListItem } from './types.ts';

const fields = ['nl', 'en', 'key'] as const;

/**
 * "Nieuwe vragenlijst": empty, or a copy of one of the two forms of "Cocreatie in beeld" to adapt.
 * It starts as a draft (version 1) and opens in the editor.
 */
export function NewInstrumentForm({ org, instruments }: { org: Organisation; instruments: InstrumentListItem[] }) {
  const { t } = useT();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<'empty' | BuiltinForm>('empty');
  const [titleNl, setTitleNl] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  const taken = new Set(instruments.filter((i) => !i.builtin).map((i) => i.key));
  const builtins = builtinForms.map((form) => ({ form, title: instruments.find((i) => i.builtin && i.key === form)?.title }));
  const suggestedKey = uniqueKey(keyFromTitle(titleNl, start === 'empty' ? 'vragenlijst' : start), taken);
  const effectiveKey = keyEdited ? key : suggestedKey;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const nl = titleNl.trim();
    const ok = check({
      nl: start === 'empty' && nl === '' ? t('inBeeld.newInstrument.titleRequired') : undefined,
      key: INSTRUMENT_KEY_PATTERN.test(effectiveKey) ? undefined : t('inBeeld.newInstrument.keyInvalid'),
    });
    if (!ok) return;
    const title = nl ? { nl, en: titleEn.trim() } : undefined;
    const body = start === 'empty' ? { key: effectiveKey, title } : { copyOf: start, key: effectiveKey, ...(title ? { title } : {}) };
    setBusy(true);
    try {
      const created = await api.post<InstrumentDetail>(apiPath`/api/orgs/${org.id}/instruments`, body);
      navigate(`/o/${org.id}/in-beeld/instruments/${created.id}`);
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <div className="new-instrument">
      <button
        ref={toggle}
        type="button"
        className="button button-primary"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('inBeeld.newInstrument.button')}
      </button>
      {open && (
        <form
          ref={formRef}
          id={`${id}-form`}
          className="form panel"
          noValidate
          onSubmit={submit}
          aria-labelledby={`${id}-heading`}
          aria-busy={busy || undefined}
        >
          <h3 id={`${id}-heading`}>{t('inBeeld.newInstrument.heading')}</h3>
          <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
          <fieldset className="field">
            <legend>{t('inBeeld.newInstrument.startLegend')}</legend>
            <div className="choice-list">
              <label className="choice">
                <input type="radio" name="start" value="empty" checked={start === 'empty'} onChange={() => setStart('empty')} />
                <span>{t('inBeeld.newInstrument.empty')}</span>
              </label>
              {builtins.map(({ form, title }) => (
                <label key={form} className="choice">
                  <input type="radio" name="start" value={form} checked={start === form} onChange={() => setStart(form)} />
                  <span>{t('inBeeld.newInstrument.copyOf', { title: title ? pick(title, lang) : form })}</span>
                </label>
              ))}
            </div>
            <p className="field-hint">{t('inBeeld.newInstrument.copyHint')}</p>
          </fieldset>
          <TextField
            label={t(start === 'empty' ? 'inBeeld.newInstrument.titleNl' : 'inBeeld.newInstrument.titleNlOptional')}
            hint={start === 'empty' ? undefined : t('inBeeld.newInstrument.titleCopyHint')}
            value={titleNl}
            maxLength={200}
            autoComplete="off"
            lang="nl"
            onChange={(event) => setTitleNl(event.target.value)}
            error={fieldErrors.nl}
          />
          <TextField
            label={t('inBeeld.newInstrument.titleEn')}
            hint={t('inBeeld.editor.englishHint')}
            value={titleEn}
            maxLength={200}
            autoComplete="off"
            lang="en"
            onChange={(event) => setTitleEn(event.target.value)}
            error={fieldErrors.en}
          />
          <TextField
            label={t('inBeeld.newInstrument.key')}
            hint={t('inBeeld.newInstrument.keyHint')}
            value={effectiveKey}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setKeyEdited(true);
              setKey(event.target.value);
            }}
            error={fieldErrors.key}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {busy ? t('inBeeld.newInstrument.busy') : t('inBeeld.newInstrument.submit')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setOpen(false);
                toggle.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
