import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { Checklist } from '../parts/checklist.js';
import { ComponentCard } from '../parts/component-card.js';
import { ErrorNote } from '../parts/error-note.js';
import { type PageRef, PageViewer } from '../parts/page-viewer.js';
import type { Dossier } from '../types.js';

export function useDossier(dossierId: string | null) {
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    if (!dossierId) return;
    api<Dossier>('GET', `/dossiers/${dossierId}`).then((d) => {
      setDossier(d);
      setError(null);
    }, setError);
  }, [dossierId]);
  useEffect(reload, [reload]);
  return { dossier, error, reload };
}

/** The components of a dossier (or only one of them) beside the page viewer. */
export function DossierBody({
  dossier,
  reload,
  onlyComponent,
}: {
  dossier: Dossier;
  reload: () => void;
  onlyComponent?: string;
}) {
  // In the review queue the component's first page is shown at once; in the dossier view, the page of a selection.
  const [at, setAt] = useState<PageRef | null>(() => {
    const file = onlyComponent ? dossier.files.find((f) => f.components.some((c) => c.id === onlyComponent)) : null;
    const component = file?.components.find((c) => c.id === onlyComponent);
    return file && component ? { fileId: file.id, page: component.pages[0], bbox: null } : null;
  });
  return (
    <div class="dossier-body">
      <div class="dossier-main">
        {dossier.files.map((f) => (
          <section key={f.id} class="file">
            {!onlyComponent && (
              <h2>
                {f.fileName} <small>({t(`status_${f.status}`)})</small>
                {f.error && <span class="notice error"> {f.error}</span>}
              </h2>
            )}
            {f.components
              .filter((c) => !onlyComponent || c.id === onlyComponent)
              .map((c) => (
                <ComponentCard
                  key={c.id}
                  dossierId={dossier.id}
                  fileId={f.id}
                  component={c}
                  selected={at}
                  onSelect={setAt}
                  onChanged={reload}
                />
              ))}
          </section>
        ))}
      </div>
      <aside class="dossier-side">
        {!onlyComponent && <Checklist dossier={dossier} />}
        <PageViewer dossierId={dossier.id} at={at} />
      </aside>
    </div>
  );
}

export function DossierPage({ dossierId }: { dossierId: string }) {
  const { dossier, error, reload } = useDossier(dossierId);
  return (
    <section class="dossier">
      <ErrorNote error={error} />
      {dossier && (
        <>
          <h1>
            {t('dossier')} <span data-testid="dossier-code">{dossier.code}</span>
            <small>
              {' '}
              · {dossier.procedure.name} · {dossier.applicantId} · {t('due_date')} {formatDate(dossier.dueDate)}
            </small>
          </h1>
          <DossierBody dossier={dossier} reload={reload} />
        </>
      )}
    </section>
  );
}
