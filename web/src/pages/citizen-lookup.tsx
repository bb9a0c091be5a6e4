import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { fieldLabel, typeName, useApp } from '../app-context.js';
import { formatDate, formatPercent, type MessageKey, t } from '../i18n.js';
import { ErrorNote } from '../parts/error-note.js';
import { applicantFromInput } from '../parts/text-match.js';
import { go } from '../router.js';
import type { SubjectDocument } from '../types.js';

export function CitizenLookup({ initial }: { initial: string }) {
  const app = useApp();
  const [input, setInput] = useState(initial);
  const [documents, setDocuments] = useState<SubjectDocument[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDocuments(null);
    setError(null);
    if (!initial) return;
    api<{ documents: SubjectDocument[] }>('GET', `/subjects/${encodeURIComponent(initial)}/documents`).then(
      (r) => setDocuments(r.documents),
      setError,
    );
  }, [initial]);
  return (
    <section class="lookup">
      <h1>{t('nav_lookup')}</h1>
      <p class="notice audit" data-testid="audit-notice">
        {t('lookup_audited')}
      </p>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          go(`#/lookup?id=${encodeURIComponent(applicantFromInput(input).id)}`);
        }}
      >
        <label for="lookup-id">{t('lookup_id')}</label>
        <input id="lookup-id" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit" class="primary">
          {t('lookup')}
        </button>
      </form>
      <ErrorNote error={error} />
      {documents && (
        <>
          <h2>
            {t('documents_on_file')} ({documents.length})
          </h2>
          {documents.length === 0 && <p>{t('no_documents')}</p>}
          {documents.map((d) => (
            <article key={d.componentId} class="component" data-testid="document" data-type={d.type}>
              <header>
                <h3>{typeName(app, d.type)}</h3>
                <span class={`badge ${d.status}`}>{t(`comp_${d.status}` as MessageKey)}</span>
                <span>
                  {t('valid_until')}: {d.validUntil ? formatDate(d.validUntil) : t('no_expiry')}
                </span>
              </header>
              <table class="fields">
                <tbody>
                  {Object.entries(d.fields).map(([key, f]) => (
                    <tr key={key} data-testid={`doc-field-${key}`} data-state={f.state}>
                      <th scope="row">{fieldLabel(app, d.type, key)}</th>
                      <td class="value">{f.value}</td>
                      <td>{formatPercent(f.confidence)}</td>
                      <td>
                        <span class={`badge ${f.state}`}>{t(`field_${f.state}` as MessageKey)}</span>
                        {f.correction && (
                          <small>
                            {' '}
                            {t('corrected_by')} {f.correction.by}, {new Date(f.correction.at).toLocaleString('vi-VN')}
                          </small>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="provenance">
                <b>{t('provenance')}:</b> {d.provenance.fileNames.join(', ')} · {t('pages')} {d.provenance.pages[0]}–
                {d.provenance.pages[1]} · {t('recognized_at')}{' '}
                {new Date(d.provenance.recognizedAt).toLocaleString('vi-VN')} · {t('versions')}: pipeline{' '}
                {d.provenance.versions.pipeline}, rules {d.provenance.versions.rulePack}
                {d.provenance.versions.ocrModel
                  ? `, OCR ${d.provenance.versions.ocrEngine} ${d.provenance.versions.ocrModel}`
                  : ''}
              </p>
            </article>
          ))}
        </>
      )}
    </section>
  );
}
