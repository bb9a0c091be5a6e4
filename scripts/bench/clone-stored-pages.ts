import { type SQL, sql } from 'drizzle-orm';
import type { Warehouse } from '../../storage/warehouse/index.js';

/** Pipeline version given to clones, so that a later call clones only the digitized originals. */
const CLONE_VERSION = 'bench-clone';

/**
 * Grows a warehouse to at least `targetPages` stored pages by cloning the digitized sources in SQL: each clone is a
 * new source (its own SHA-256) whose pages point at the original's stored OCR and image, with no components yet,
 * as if digitized by an older rule pack that found nothing. Returns the pages stored after cloning.
 */
export async function cloneStoredPages(warehouse: Warehouse, targetPages: number): Promise<number> {
  const count = async (query: SQL) => {
    const result = (await warehouse.db.execute(query)) as unknown as { rows: Array<{ n: number }> };
    return Number(result.rows[0]!.n);
  };
  const stored = () => count(sql`select count(*)::int as n from pages`);
  const originalPages = await count(
    sql`select count(*)::int as n from pages p join sources s on s.id = p.source_id
        where s.status = 'done' and s.pipeline_version <> ${CLONE_VERSION}`,
  );
  if (originalPages === 0) throw new Error('no digitized pages to clone');
  const copies = Math.ceil(Math.max(0, targetPages - (await stored())) / originalPages);
  if (copies === 0) return stored();
  const cloneSha = sql`encode(sha256(convert_to(o.sha256 || ':' || k::text, 'UTF8')), 'hex')`;
  await warehouse.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into sources (sha256, byte_size, media_type, original_key, page_count, status, pipeline_version)
      select ${cloneSha}, o.byte_size, o.media_type, o.original_key, o.page_count, 'done', ${CLONE_VERSION}
      from sources o cross join generate_series(1, ${copies}) k
      where o.status = 'done' and o.pipeline_version <> ${CLONE_VERSION}`);
    await tx.execute(sql`
      insert into pages (source_id, number, rotation, text_source, confidence, text, width, height, dpi, skew_degrees,
                         image_key, ocr_key, ocr_engine, ocr_model)
      select n.id, p.number, p.rotation, p.text_source, p.confidence, p.text, p.width, p.height, p.dpi, p.skew_degrees,
             p.image_key, p.ocr_key, p.ocr_engine, p.ocr_model
      from sources o join pages p on p.source_id = o.id cross join generate_series(1, ${copies}) k
      join sources n on n.sha256 = ${cloneSha}
      where o.status = 'done' and o.pipeline_version <> ${CLONE_VERSION}`);
  });
  return stored();
}
