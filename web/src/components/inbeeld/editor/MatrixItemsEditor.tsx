import { useT } from '../../../i18n.ts';
import type { MatrixItem } from '../types.ts';
import { focusSoon, useEditorTools } from './context.tsx';
import { FrameworkPicker } from './FrameworkPicker.tsx';
import { LocalisedInputs, TextInput } from './fields.tsx';
import { useIssue } from './issues.tsx';
import { anchorId, type EdQuestion, emptyText, limits, move, nextKey, uidOf, withTag } from './model.ts';
import { RowButtons } from './RowButtons.tsx';

type MatrixQuestion = Extract<EdQuestion, { type: 'matrix' }>;

/** The statements of a matrix question: each is answered on the same scale. */
export function MatrixItemsEditor({ question, onChange }: { question: MatrixQuestion; onChange: (question: EdQuestion) => void }) {
  const { t } = useT();
  const { frameworks, announce } = useEditorTools();
  const anchor = `${question.uid}/items`;
  const error = useIssue(anchor);
  const items = question.items;
  const inline = Array.isArray(items);
  const setItems = (next: MatrixItem[]) => onChange({ ...question, items: next });

  const setSource = (source: 'inline' | 'framework') => {
    if (source === 'inline') setItems([withTag({ key: 'uitspraak_1', text: emptyText() })]);
    else {
      const first = frameworks[0];
      if (first) onChange({ ...question, items: { framework: first.key, version: first.version } });
    }
  };

  const add = () => {
    if (!inline) return;
    const item = withTag({
      key: nextKey(
        'uitspraak',
        items.map((i) => i.key),
      ),
      text: emptyText(),
    });
    setItems([...items, item]);
    focusSoon(`#${anchorId(`${item.uid}/text/nl`)} input`);
  };

  return (
    <fieldset className="editor-group" id={anchorId(anchor)} aria-describedby={error ? `${anchorId(anchor)}-error` : undefined}>
      <legend>{t('inBeeld.editor.items.legend')}</legend>
      {error && (
        <p className="field-error" id={`${anchorId(anchor)}-error`}>
          {error}
        </p>
      )}
      <fieldset className="field">
        <legend>{t('inBeeld.editor.items.source')}</legend>
        <div className="choice-list">
          <label className="choice">
            <input type="radio" name={`${question.uid}-items-source`} checked={inline} onChange={() => setSource('inline')} />
            <span>{t('inBeeld.editor.items.own')}</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${question.uid}-items-source`}
              checked={!inline}
              onChange={() => setSource('framework')}
              disabled={frameworks.length === 0}
            />
            <span>{t('inBeeld.editor.items.fromFramework')}</span>
          </label>
        </div>
      </fieldset>
      {inline ? (
        <>
          <ol className="editor-list">
            {items.map((item, index) => {
              const uid = uidOf(item);
              const name = t('inBeeld.editor.items.name', { n: index + 1 });
              return (
                <li key={uid} className="editor-item">
                  <p className="editor-item-title">{name}</p>
                  <LocalisedInputs
                    anchor={`${uid}/text`}
                    label={t('inBeeld.editor.items.text')}
                    value={item.text}
                    maxLength={limits.itemText}
                    onChange={(text) => setItems(items.map((i) => (i === item ? { ...i, text } : i)))}
                  />
                  <TextInput
                    anchor={`${uid}/key`}
                    label={t('inBeeld.editor.key')}
                    hint={t('inBeeld.editor.keyHint')}
                    value={item.key}
                    maxLength={limits.key}
                    onChange={(key) => setItems(items.map((i) => (i === item ? { ...i, key } : i)))}
                  />
                  <RowButtons
                    uid={uid}
                    name={name}
                    index={index}
                    count={items.length}
                    onMove={(delta) => {
                      setItems(move(items, index, delta));
                      announce(t('inBeeld.editor.items.moved', { n: index + 1, to: index + 1 + delta }));
                    }}
                    onRemove={() => {
                      setItems(items.filter((i) => i !== item));
                      announce(t('inBeeld.editor.items.removed', { n: index + 1 }));
                      focusSoon(`[data-add="${question.uid}-item"]`);
                    }}
                  />
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-secondary" data-add={`${question.uid}-item`} onClick={add}>
              {t('inBeeld.editor.items.add')}
            </button>
          </div>
        </>
      ) : (
        <>
          <FrameworkPicker anchor={anchor} value={items} onChange={(patch) => onChange({ ...question, items: { ...items, ...patch } })} />
          <fieldset className="field">
            <legend>{t('inBeeld.editor.items.textFrom')}</legend>
            <div className="choice-list">
              {(['label', 'definition'] as const).map((kind) => (
                <label key={kind} className="choice">
                  <input
                    type="radio"
                    name={`${question.uid}-items-text`}
                    checked={(items.text ?? 'label') === kind}
                    onChange={() => onChange({ ...question, items: { ...items, text: kind } })}
                  />
                  <span>{t(kind === 'label' ? 'inBeeld.editor.items.textLabel' : 'inBeeld.editor.items.textDefinition')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
