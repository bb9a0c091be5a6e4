import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { typeName, useApp } from '../app-context.js';
import { formatDate, t } from '../i18n.js';
import { ErrorNote } from '../parts/error-note.js';
import { applicantFromInput, fold } from '../parts/text-match.js';
import { go } from '../router.js';
import type { DossierSummary, Procedure, ReuseItem } from '../types.js';

const SUBJECT_ID = /^(\d{12}|\d{10}|\d{10}-?\d{3})$/;

export function NewDossier() {
  const app = useApp();
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Procedure | null>(null);
  const [idInput, setIdInput] = useState('');
  const [name, setName] = useState('');
  const [reuse, setReuse] = useState<ReuseItem[] | null>(null);
  const [created, setCreated] = useState<DossierSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const applicant = applicantFromInput(idInput);

  useEffect(() => {
    api<{ procedures: Procedure[] }>('GET', '/procedures').then((r) => setProcedures(r.procedures), setError);
  }, []);
  const matches = useMemo(() => {
    const q = fold(query.trim());
    return procedures.filter((p) => !q || fold(p.name).includes(q) || fold(p.code).includes(q));
  }, [procedures, query]);
  useEffect(() => {
    setReuse(null);
    if (!chosen || !SUBJECT_ID.test(applicant.id)) return;
    api<{ components: ReuseItem[] }>(
      'GET',
      `/procedures/${encodeURIComponent(chosen.code)}/reuse?subject=${encodeURIComponent(applicant.id)}`,
    ).then((r) => setReuse(r.components), setError);
  }, [chosen, applicant.id]);

  const create = async () => {
    if (!chosen) return;
    setError(null);
    try {
      const body = {
        procedureCode: chosen.code,
        applicant: { id: applicant.id, ...(name || applicant.name ? { name: name || applicant.name } : {}) },
      };
      setCreated(await api<DossierSummary>('POST', '/dossiers', body));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="new-dossier">
      <h1>{t('nav_new')}</h1>
      <div class="columns">
        <form
          class="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label for="procedure-search">{t('procedure_search')}</label>
          <input id="procedure-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          <fieldset class="procedures">
            <legend>{t('procedure')}</legend>
            {matches.length === 0 && <p class="hint">{t('no_procedure')}</p>}
            {matches.map((p) => (
              <label key={p.code} class="choice">
                <input
                  type="radio"
                  name="procedure"
                  value={p.code}
                  checked={chosen?.code === p.code}
                  onChange={() => setChosen(p)}
                />
                <span>
                  {p.name} <small>({p.code})</small>
                </span>
              </label>
            ))}
          </fieldset>
          <label for="applicant-id">{t('applicant_id')}</label>
          <input
            id="applicant-id"
            inputMode="numeric"
            autocomplete="off"
            value={idInput}
            onInput={(e) => setIdInput(e.currentTarget.value)}
            onKeyDown={(e) => {
              // A QR scanner ends with Enter: keep the ID, do not submit half a form.
              if (e.key === 'Enter') e.preventDefault();
            }}
            aria-describedby="applicant-id-hint"
          />
          <p class="hint" id="applicant-id-hint">
            {t('applicant_id_hint')}
          </p>
          <label for="applicant-name">{t('applicant_name')}</label>
          <input
            id="applicant-name"
            value={name || applicant.name || ''}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <ErrorNote error={error} />
          <button type="submit" class="primary" disabled={!chosen || !SUBJECT_ID.test(applicant.id) || !!created}>
            {t('create_dossier')}
          </button>
        </form>
        <div class="panel">
          {chosen && (
            <>
              <h2>{t('required_components')}</h2>
              <ul class="checklist" data-testid="required-list">
                {chosen.required.map((type) => {
                  const item = reuse?.find((r) => r.type === type);
                  const onFile = item?.status === 'on_file';
                  return (
                    <li key={type} class={onFile ? 'ok' : ''}>
                      <input type="checkbox" checked={onFile} disabled aria-label={typeName(app, type)} />
                      <span>{typeName(app, type)}</span>{' '}
                      <small>{reuse ? (onFile ? t('on_file') : t('must_submit')) : ''}</small>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {created && (
            <div class="created" data-testid="created">
              <dl>
                <dt>{t('dossier_code')}</dt>
                <dd data-testid="dossier-code">{created.code}</dd>
                <dt>{t('received_at')}</dt>
                <dd>{new Date(created.receivedAt).toLocaleString('vi-VN')}</dd>
                <dt>{t('due_date')}</dt>
                <dd data-testid="due-date">{formatDate(created.dueDate)}</dd>
              </dl>
              {app.may('file:upload') && (
                <button type="button" class="primary" onClick={() => go(`#/dossiers/${created.id}/upload`)}>
                  {t('go_upload')}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
