import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../package-root.js';
import { loadRulePack, recognize } from '../index.js';
import { textLayerPages } from './text-layer-page.js';

const dir = join(packageRoot(), '..', 'shared', 'corpora', 'einvoice-lens');
const pdf = join(dir, 'sample-sale-invoice.pdf');
const present = existsSync(pdf);
if (!present) console.warn(`corpus test skipped: ${pdf} not found (the shared corpora are not checked out here)`);

describe.skipIf(!present)('real e-invoice text layer (einvoice-lens sample)', () => {
  it('is a hoa_don_dien_tu with the fields of its published expectations', async () => {
    const expected = JSON.parse(readFileSync(join(dir, 'sample-sale-invoice.expected.json'), 'utf8'));
    const pages = await textLayerPages(pdf);
    const result = recognize(
      pages.map((text, i) => ({ number: i + 1, text })),
      loadRulePack(),
    );
    expect(result).toHaveLength(1);
    const [c] = result;
    expect(c!.type).toBe('hoa_don_dien_tu');
    const f = c!.fields;
    expect(f.ky_hieu?.value).toBe(expected.attribute.serial_no);
    expect(f.so_hoa_don?.value).toBe(expected.attribute.invoice_number);
    expect(f.ngay_lap?.value).toBe(expected.attribute.issue_date);
    expect(f.ten_nguoi_ban?.value).toBe(expected.seller.name);
    // A text layer is trusted: the seller's code stays as printed even though its check digit fails.
    expect(f.mst_nguoi_ban?.value).toBe(expected.seller.tax_code);
    expect(f.ten_nguoi_mua?.value).toBe(expected.buyer.name);
    expect(f.so_tien_bang_chu?.value).toBe(expected.total_in_words_from_pdf_text);
    expect(f.tong_tien_thanh_toan?.value).toBe(String(expected.total_amount_from_pdf_text));
    expect(c!.status).toBe('needs_review');
  });
});

const poem = join(packageRoot(), '..', 'shared', 'corpora', 'vietocr3-samples', 'vietsample1.pdf');
const poemPresent = existsSync(poem);
if (!poemPresent) console.warn(`corpus test skipped: ${poem} not found`);

describe.skipIf(!poemPresent)('real Vietnamese text that is no dossier component (vietocr3 sample)', () => {
  it('is one khac component for review, with no invented fields', async () => {
    const pages = await textLayerPages(poem);
    expect(pages.length).toBeGreaterThan(1);
    const result = recognize(
      pages.map((text, i) => ({ number: i + 1, text })),
      loadRulePack(),
    );
    expect(result).toEqual([
      expect.objectContaining({ type: 'khac', pages: [1, pages.length], status: 'needs_review', fields: {} }),
    ]);
  });
});
