import { useState } from 'preact/hooks';
import { ApiError, api, download } from '../api.js';
import { fieldLabel, typeName, useApp } from '../app-context.js';
import { formatPercent, type MessageKey, t } from '../i18n.js';
import type { ComponentView, FieldView } from '../types.js';
import { ErrorNote } from './error-note.js';
import type { PageRef } from './page-viewer.js';
import { pageImagePath, Thumbnail } from './thumbnail.js';

interface Props {
  dossierId: string;
  fileId: string;
  component: ComponentView;
  selected: PageRef | null;
  onSelect: (at: PageRef) => void;
  onChanged: () => void;
}

function FieldRow(props: {
  component: ComponentView;
  fieldKey: string;
  field: FieldView;
  active: boolean;
  onSelect: () => void;
  onChanged: () => void;
}) {
  const app = useApp();
  const { component, fieldKey, field } = props;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(field.value);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    try {
      await api('PATCH', `/components/${component.id}/fields/${fieldKey}`, { value });
      setEditing(false);
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <tr
      class={props.active ? 'active' : ''}
      data-testid={`field-${fieldKey}`}
      data-state={field.state}
      tabIndex={0}
      onClick={props.onSelect}
      onFocus={props.onSelect}
    >
      <th scope="row">{fieldLabel(app, component.type, fieldKey)}</th>
      <td class="value">
        {editing ? (
          <form
            class="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              value={value}
              aria-label={fieldLabel(app, component.type, fieldKey)}
              onInput={(e) => setValue(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(false);
              }}
              ref={(el) => el?.focus()}
            />
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
            <ErrorNote error={error} />
          </form>
        ) : (
          field.value
        )}
      </td>
      <td>{formatPercent(field.confidence)}</td>
      <td>
        <span class={`badge ${field.state}`}>{t(`field_${field.state}` as MessageKey)}</span>
      </td>
      <td>
        {app.may('review:write') && !editing && (
          <button
            type="button"
            onClick={(e) => {
              e.stopPropagation();
              setValue(field.value);
              setEditing(true);
            }}
          >
            {t('edit')}
          </button>
        )}
      </td>
    </tr>
  );
}

function ComponentEditor({ component, onChanged }: { component: ComponentView; onChanged: () => void }) {
  const app = useApp();
  const [type, setType] = useState(component.type);
  const [first, setFirst] = useState(component.pages[0]);
  const [last, setLast] = useState(component.pages[1]);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    const patch: { type?: string; pages?: [number, number] } = {};
    if (type !== component.type) patch.type = type;
    if (first !== component.pages[0] || last !== component.pages[1]) patch.pages = [first, last];
    if (!patch.type && !patch.pages) return;
    try {
      await api('PATCH', `/components/${component.id}`, patch);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    }
  };
  return (
    <form
      class="component-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('component_type')}{' '}
        <select value={type} onChange={(e) => setType(e.currentTarget.value)} data-testid="type-select">
          {[...app.types.values()].map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('from_page')}{' '}
        <input type="number" min={1} value={first} onInput={(e) => setFirst(Number(e.currentTarget.value))} />
      </label>
      <label>
        {t('to_page')}{' '}
        <input type="number" min={1} value={last} onInput={(e) => setLast(Number(e.currentTarget.value))} />
      </label>
      <button type="submit">{t('save')}</button>
      <ErrorNote error={error} />
    </form>
  );
}

export function ComponentCard({ dossierId, fileId, component, selected, onSelect, onChanged }: Props) {
  const app = useApp();
  const pageNumbers: number[] = [];
  for (let n = component.pages[0]; n <= component.pages[1]; n++) pageNumbers.push(n);
  return (
    <article class="component" data-testid="component" data-type={component.type} data-status={component.status}>
      <header>
        <h3>
          {typeName(app, component.type)} <small>({component.type})</small>
        </h3>
        <span class={`badge ${component.status}`}>{t(`comp_${component.status}` as MessageKey)}</span>
        <span>
          {t('pages')} {component.pages[0]}–{component.pages[1]} · {formatPercent(component.confidence)}
        </span>
        {app.may('file:read') && (
          <button
            type="button"
            onClick={() => void download(`/components/${component.id}/pdf`, `${component.type}-${component.id}.pdf`)}
          >
            {t('download_pdf')}
          </button>
        )}
      </header>
      {component.reasons.length > 0 && (
        <ul class="reasons">
          {component.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {app.may('review:write') && (
        <ComponentEditor key={component.id + component.type} component={component} onChanged={onChanged} />
      )}
      <div class="thumbs">
        {pageNumbers.map((n) => (
          <button
            type="button"
            key={n}
            class="thumb-button"
            aria-label={`${t('page')} ${n}`}
            onClick={() => onSelect({ fileId, page: n, bbox: null })}
          >
            <Thumbnail path={pageImagePath(dossierId, fileId, n, 72)} alt={`${t('page')} ${n}`} />
          </button>
        ))}
      </div>
      {Object.keys(component.fields).length > 0 && (
        <table class="fields">
          <thead>
            <tr>
              <th>{t('field')}</th>
              <th>{t('value')}</th>
              <th>{t('confidence')}</th>
              <th>{t('state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {Object.entries(component.fields).map(([key, field]) => (
              <FieldRow
                key={`${key}:${field.value}`}
                component={component}
                fieldKey={key}
                field={field}
                active={selected?.fieldId === `${component.id}:${key}`}
                onSelect={() =>
                  onSelect({
                    fileId,
                    page: field.page,
                    bbox: field.bbox,
                    fieldId: `${component.id}:${key}`,
                    caption: `${fieldLabel(app, component.type, key)}: ${field.value}`,
                  })
                }
                onChanged={onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
