// Headless Debian chromium driven by playwright-core, a fresh profile per run, screenshots under
// tests/web/screenshots/ (CI artifacts, gitignored); the README's two are also copied to docs/screenshots/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

export const CHROMIUM = process.env.SOHOA_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const DOCS_SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const REPO = join(import.meta.dirname, '..', '..');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A counter screen: 1366x768, Vietnamese locale. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set SOHOA_CHROMIUM`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'sohoa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves `<folder>/<name>.png`; `docs` also copies it to docs/screenshots/ for the README. */
export async function screenshot(page: Page, folder: string, name: string, docs = false): Promise<string> {
  const dir = join(SCREENSHOTS, folder);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  if (docs) {
    await mkdir(DOCS_SCREENSHOTS, { recursive: true });
    await copyFile(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  }
  return path;
}

/** Runs scripts/generate-dossiers.ts (the test-dossier generator) into `outDir`. */
export function generateDossiers(outDir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'scripts', 'generate-dossiers.ts'), '--out', outDir, '--quiet', ...args],
      { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`generate-dossiers exited ${code}: ${stderr}`)),
    );
  });
}

export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('#token').fill(token);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('role').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.locator('#token').waitFor();
}

/** A page that is no catalog document (a notice left in the pile): recognition files it as `khac`, to review. */
export async function strayNotePng(path: string, title: string, lines: string[]): Promise<void> {
  const text = [title, ...lines]
    .map(
      (l, i) =>
        `<text x="80" y="${140 + i * 56}" font-family="DejaVu Serif" font-size="${i === 0 ? 40 : 30}">${l}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path);
}

/** Closes what a browser test opened, whichever parts of its set-up got that far. */
export async function closeAll(
  browser: Browser | undefined,
  service: { close(): Promise<void> } | undefined,
  dir: string,
): Promise<void> {
  await browser?.close();
  await service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}
