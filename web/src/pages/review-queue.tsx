import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { typeName, useApp } from '../app-context.js';
import { formatDate, t } from '../i18n.js';
import { ErrorNote } from '../parts/error-note.js';
import type { ReviewItem } from '../types.js';
import { DossierBody, useDossier } from './dossier-page.js';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
}

export function ReviewQueue({ start }: { start: string | null }) {
  const app = useApp();
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api<{ items: ReviewItem[] }>('GET', '/review-queue').then((r) => {
      setItems(r.items);
      setIndex((i) => {
        const at = start ? r.items.findIndex((x) => x.componentId === start) : -1;
        return at >= 0 ? at : Math.min(i, Math.max(0, r.items.length - 1));
      });
    }, setError);
  }, [start]);
  useEffect(load, [load]);
  const count = items?.length ?? 0;
  const move = (step: number) => setIndex((i) => Math.max(0, Math.min(count - 1, i + step)));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'n' || e.key === 'j') move(1);
      if (e.key === 'p' || e.key === 'k') move(-1);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  const item = items?.[index];
  const { dossier, reload } = useDossier(item?.dossierId ?? null);

  return (
    <section class="review">
      <h1>{t('review_queue')}</h1>
      <ErrorNote error={error} />
      {items && count === 0 && <p class="notice ok">{t('queue_empty')}</p>}
      {item && (
        <>
          <div class="review-bar">
            <button type="button" onClick={() => move(-1)} disabled={index === 0}>
              ← {t('previous')}
            </button>
            <span data-testid="queue-position">
              {index + 1} {t('of')} {count}
            </span>
            <button type="button" onClick={() => move(1)} disabled={index >= count - 1}>
              {t('next')} →
            </button>
            <span class="review-current" data-testid="review-current">
              <b>{typeName(app, item.type)}</b> · {t('dossier')} {item.dossierCode ?? '—'} · {t('due_date')}{' '}
              {formatDate(item.dueDate)}
            </span>
          </div>
          <div class="review-layout">
            <ol class="queue-list" aria-label={t('review_queue')}>
              {items.map((x, i) => (
                <li key={x.componentId} class={i === index ? 'current' : ''}>
                  <button type="button" onClick={() => setIndex(i)} aria-current={i === index ? 'true' : undefined}>
                    <span class="due">{formatDate(x.dueDate)}</span> {typeName(app, x.type)}
                    <small> {x.dossierCode}</small>
                    <small class="reasons-inline">{x.reasons.join('; ')}</small>
                  </button>
                </li>
              ))}
            </ol>
            <div>
              <p class="reasons-line">
                <b>{t('reasons')}:</b> {item.reasons.join('; ') || '—'}
              </p>
              {dossier && dossier.id === item.dossierId && (
                <DossierBody
                  key={item.componentId}
                  dossier={dossier}
                  onlyComponent={item.componentId}
                  reload={() => {
                    reload();
                    load();
                  }}
                />
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
