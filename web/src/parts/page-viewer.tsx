import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import type { BBox } from '../types.js';
import { pageImagePath, useImage } from './thumbnail.js';

export interface PageRef {
  fileId: string;
  page: number;
  bbox: BBox | null;
  /** `<component id>:<field key>` when a field was selected */
  fieldId?: string;
  caption?: string;
}

/** The page image with the evidence box of the selected field drawn over it (box in image pixels). */
export function PageViewer({ dossierId, at }: { dossierId: string; at: PageRef | null }) {
  const url = useImage(at ? pageImagePath(dossierId, at.fileId, at.page) : null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll the viewer only (scrollIntoView would also move the field list the user is working in).
    const el = box.current;
    const pane = el?.closest('.viewer-scroll');
    if (!el || !pane) return;
    const b = el.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    pane.scrollTop += b.top - p.top - p.height / 2 + b.height / 2;
  }, [at, size]);
  if (!at) return <p class="hint viewer-empty">{t('select_field')}</p>;
  const b = at.bbox;
  return (
    <figure class="viewer" data-testid="page-viewer">
      <figcaption>
        {t('page')} {at.page}
        {at.caption ? ` · ${at.caption}` : ''}
        {at.fieldId && !b ? ` · ${t('no_evidence')}` : ''}
      </figcaption>
      <div class="viewer-scroll">
        <div class="viewer-image">
          {url && (
            <img
              src={url}
              alt={`${t('page')} ${at.page}`}
              decoding="async"
              onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            />
          )}
          {url && size && b && (
            <div
              ref={box}
              class="evidence"
              data-testid="evidence-box"
              title={t('evidence')}
              style={{
                left: `${(b.x0 / size.w) * 100}%`,
                top: `${(b.y0 / size.h) * 100}%`,
                width: `${((b.x1 - b.x0) / size.w) * 100}%`,
                height: `${((b.y1 - b.y0) / size.h) * 100}%`,
              }}
            />
          )}
        </div>
      </div>
    </figure>
  );
}
