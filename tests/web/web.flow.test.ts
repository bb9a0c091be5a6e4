// The counter pages end to end in headless chromium against the real service on loopback (PGlite): sign in, create a
// land-change dossier, upload a generated scan, watch it being read, correct a field and a component's type, see the
// missing list follow, open the review queue, look the citizen up. Screenshots of every step: tests/web/screenshots/.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Truth } from '../../scripts/generator/generate.js';
import { client, type Harness, postgresAvailable, startHarness } from '../service/service-harness.js';
import {
  type Browser,
  closeAll,
  generateDossiers,
  openBrowser,
  screenshot,
  signIn,
  signOut,
  strayNotePng,
} from './browser.js';

const LAND_CHANGE = '1.115468';
const pgUp = await postgresAvailable();
if (!pgUp) console.warn('PostgreSQL not answering on 127.0.0.1:5432: the postgres run of the browser flow is skipped');
const CORRECTED_NAME = 'TRẦN THỊ KIỂM TRA';

// The README's screenshots come from the PGlite run (the default deployment).
describe.each([
  ['pglite', true, 'flow'],
  ['postgres', pgUp, 'flow-postgres'],
] as const)('counter pages in chromium on %s', (database, available, SHOTS) => {
  let h: Harness;
  let browser: Browser;
  let corpus = '';
  let scan = '';
  let applicant = '';
  let notes: string[] = [];

  beforeAll(async () => {
    if (!available) return;
    corpus = await mkdtemp(join(tmpdir(), 'sohoa-web-corpus-'));
    await generateDossiers(corpus, [
      '--seed',
      '7',
      '--pages',
      '4',
      '--formats',
      'pdf',
      '--dpi',
      '150',
      '--types',
      'don_dang_ky_bien_dong,gcn_quyen_su_dung_dat,giay_uy_quyen',
    ]);
    const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8')) as Truth;
    const source = truth.sources.find((s) => s.components.some((c) => c.type === 'gcn_quyen_su_dung_dat'));
    if (!source) throw new Error('the generated corpus has no land-use certificate');
    scan = join(corpus, source.path);
    applicant = source.components.find((c) => c.type === 'gcn_quyen_su_dung_dat')!.fields.so_dinh_danh!.value;
    notes = [join(corpus, 'thong-bao-hop.png'), join(corpus, 'lich-truc.png')];
    await strayNotePng(notes[0]!, 'THÔNG BÁO HỌP TỔ DÂN PHỐ SỐ 5', [
      'Kính mời các hộ gia đình đến dự họp lúc 19 giờ 30',
      'ngày thứ Bảy tại nhà văn hóa khu phố.',
      'Nội dung: vệ sinh môi trường, an ninh trật tự.',
    ]);
    await strayNotePng(notes[1]!, 'LỊCH TRỰC BẢO VỆ CƠ QUAN', [
      'Tuần thứ nhất: anh Hùng, anh Dũng',
      'Tuần thứ hai: chị Lan, anh Phong',
      'Mọi thay đổi báo trước cho văn phòng.',
    ]);
    h = await startHarness(database, {}, undefined, { SOHOA_RENDER_DPI: '150' });
    browser = await openBrowser();
  }, 180_000);
  afterAll(() => closeAll(browser, h, corpus));

  it.runIf(available)(
    'takes a dossier from sign-in to a corrected, reusable record',
    async () => {
      const { page } = browser;
      onTestFailed(async () => {
        await screenshot(page, SHOTS, 'failed');
      });
      page.on('pageerror', (e) => {
        throw e;
      });

      // Sign in as intake: the role is shown, the review queue is not offered.
      await page.goto(`${h.url}/`);
      await screenshot(page, SHOTS, '01-sign-in');
      await signIn(page, h.url, h.tokens.intake);
      expect(await page.getByTestId('role').textContent()).toBe('Tiếp nhận');
      expect(await page.getByRole('link', { name: 'Hàng đợi kiểm tra' }).count()).toBe(0);
      expect(await page.evaluate('sessionStorage.getItem("sohoa.token")')).toBe(h.tokens.intake);
      expect(await page.evaluate('localStorage.length')).toBe(0);

      // New dossier: search the procedure by name, enter the applicant's ID, see the reuse plan, create.
      await page.locator('#procedure-search').fill('bien dong quyen su dung');
      const procedure = page.getByRole('radio', { name: /Đăng ký biến động quyền sử dụng đất/ });
      await procedure.check();
      await page.locator('#applicant-id').fill(applicant);
      const required = page.getByTestId('required-list');
      await expect.poll(() => required.textContent()).toContain('Cần nộp');
      expect(await required.locator('li').count()).toBe(3);
      await screenshot(page, SHOTS, '02-new-dossier');
      await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
      const code = await page.getByTestId('dossier-code').textContent();
      expect(code).toMatch(/^000\.00\.00\.H49-260424-\d{4}$/);
      expect(await page.getByTestId('due-date').textContent()).toMatch(/^\d{2}\/\d{2}\/2026$/);
      await screenshot(page, SHOTS, '03-dossier-created');

      // Upload: per-file progress, then live page status with thumbnails until recognised.
      await page.getByRole('button', { name: 'Tải bản quét lên' }).click();
      // Two files through the picker, one dropped on the drop zone.
      await page.getByTestId('file-input').setInputFiles([scan, notes[0]!]);
      const dropped = (await readFile(notes[1]!)).toString('base64');
      const dataTransfer = await page.evaluateHandle(`(() => {
        const bytes = Uint8Array.from(atob('${dropped}'), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'lich-truc.png', { type: 'image/png' }));
        return dt;
      })()`);
      await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
      expect(await page.locator('.uploads .name').allTextContents()).toEqual([
        'dossier-001-scan.pdf',
        'thong-bao-hop.png',
        'lich-truc.png',
      ]);
      await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
      await expect.poll(() => page.getByText('Đã tải lên').count(), { timeout: 60_000 }).toBe(3);
      const progress = await page
        .locator('.uploads progress')
        .evaluateAll((list) => list.map((p) => (p as unknown as { value: number }).value));
      expect(progress).toEqual([1, 1, 1]);
      await page.getByTestId('page-tile').first().waitFor({ timeout: 120_000 });
      await screenshot(page, SHOTS, '04-uploading');
      await page.getByTestId('all-done').waitFor({ timeout: 300_000 });
      const pages = 3 + notes.length;
      expect(await page.getByTestId('page-tile').count()).toBe(pages);
      await expect.poll(() => page.locator('[data-testid=page-tile] img').count(), { timeout: 20_000 }).toBe(pages);
      expect(await page.locator('[data-testid=page-tile][data-state=recognised]').count()).toBe(pages);
      await screenshot(page, SHOTS, '05-processed');
      await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await page.locator('[data-testid=component]').first().waitFor();
      const dossierUrl = page.url();

      // Intake may not correct: no edit controls, and the API refuses the call all the same.
      expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
      const dossierId = dossierUrl.split('/dossiers/')[1]!;
      const call = client(h);
      const shown = await (await call('GET', `/dossiers/${dossierId}`, { role: 'intake' })).json();
      expect(shown.procedureCode).toBe(LAND_CHANGE);
      const someComponent = shown.files[0].components[0].id as string;
      const refused = (await call('PATCH', `/components/${someComponent}`, { role: 'intake', json: { type: 'khac' } }))
        .status;
      expect(refused).toBe(403);
      await screenshot(page, SHOTS, '06-dossier-intake');

      // A reviewer corrects the certificate's holder and ID, and re-types another component.
      await signOut(page);
      await signIn(page, h.url, h.tokens.reviewer);
      expect(await page.getByTestId('role').textContent()).toBe('Kiểm tra');
      expect(await page.getByRole('link', { name: 'Hồ sơ mới' }).count()).toBe(0);
      await page.goto(dossierUrl);
      const certificate = page.locator('[data-testid=component][data-type=gcn_quyen_su_dung_dat]');
      await certificate.waitFor();

      // Selecting a field shows where it was read on the page.
      await certificate.getByTestId('field-so_dinh_danh').click();
      await page.getByTestId('evidence-box').waitFor();
      const box = await page.getByTestId('evidence-box').boundingBox();
      expect(box!.width).toBeGreaterThan(10);

      for (const [key, value] of [
        ['so_dinh_danh', applicant],
        ['nguoi_su_dung', CORRECTED_NAME],
      ] as const) {
        const row = certificate.getByTestId(`field-${key}`);
        await row.getByRole('button', { name: 'Sửa' }).click();
        await row.locator('input').fill(value);
        await row.locator('input').press('Enter');
        await expect.poll(() => certificate.getByTestId(`field-${key}`).getAttribute('data-state')).toBe('confirmed');
      }
      expect(await certificate.getByTestId('field-nguoi_su_dung').locator('td.value').textContent()).toBe(
        CORRECTED_NAME,
      );

      const missingList = page.getByTestId('missing-list');
      const missingBefore = await missingList.locator('li').evaluateAll((li) => li.map((x) => x.dataset.type!));
      const retype = page
        .locator('[data-testid=component]:not([data-type=gcn_quyen_su_dung_dat]):not([data-type=khac])')
        .first();
      // Re-typing fills a missing requirement when one is missing; otherwise it opens one.
      const toType = missingBefore[0] ?? 'khac';
      await retype.getByTestId('type-select').selectOption(toType);
      await retype.getByRole('button', { name: 'Lưu' }).click();
      const missingNow = () => missingList.locator('li').evaluateAll((li) => li.map((x) => x.dataset.type!));
      await expect.poll(missingNow).not.toEqual(missingBefore);
      if (missingBefore.length > 0) expect(await missingNow()).not.toContain(toType);
      await certificate.getByTestId('field-nguoi_su_dung').click();
      await page.getByTestId('evidence-box').waitFor();
      await page.locator('[data-testid=page-viewer] img').waitFor();
      await expect.poll(() => page.locator('.thumbs img').count()).toBe(await page.locator('.thumbs .thumb').count());
      await screenshot(page, SHOTS, 'dossier-view', database === 'pglite');

      // The review queue, by due date, with next and previous.
      await page.getByRole('link', { name: 'Hàng đợi kiểm tra' }).click();
      await page.locator('.review').waitFor();
      const position = page.getByTestId('queue-position');
      await position.waitFor();
      expect(await position.textContent()).toBe('1 trên 2');
      const first = await page.getByTestId('review-current').textContent();
      expect(first).toContain(code);
      await page.getByRole('button', { name: /Tiếp/ }).click();
      expect(await position.textContent()).toBe('2 trên 2');
      expect(await page.getByTestId('review-current').textContent()).toContain(code);
      await page.keyboard.press('p');
      expect(await position.textContent()).toBe('1 trên 2');
      await page.locator('[data-testid=component][data-status=needs_review]').waitFor();
      expect(await page.locator('.reasons-line').textContent()).toMatch(/Lý do:\s*\S/);
      await page.locator('[data-testid=page-viewer] img').waitFor();
      await page.locator('.thumbs img').first().waitFor();
      await screenshot(page, SHOTS, 'review-queue', database === 'pglite');

      // Citizen lookup: documents on file, the audit notice, the corrected value.
      await page.getByRole('link', { name: 'Tra cứu công dân' }).click();
      await page.getByTestId('audit-notice').waitFor();
      await page.locator('#lookup-id').fill(applicant);
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      const found = page.locator('[data-testid=document][data-type=gcn_quyen_su_dung_dat]');
      await found.waitFor();
      expect(await found.getByTestId('doc-field-nguoi_su_dung').locator('td.value').textContent()).toBe(CORRECTED_NAME);
      expect(await found.getByTestId('doc-field-nguoi_su_dung').getAttribute('data-state')).toBe('confirmed');
      expect(await found.locator('.provenance').textContent()).toContain('dossier-001-scan.pdf');
      await screenshot(page, SHOTS, '09-citizen-lookup');
    },
    600_000,
  );
});
