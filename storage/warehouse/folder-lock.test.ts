import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireFolderLock, WarehouseLockedError } from './folder-lock.js';

describe('acquireFolderLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-folder-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a live holder and names its pid', () => {
    const lock = join(dir, 'live.lock');
    const release = acquireFolderLock(lock);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireFolderLock(lock)).toThrow(WarehouseLockedError);
    expect(() => acquireFolderLock(lock)).toThrow(new RegExp(`process ${process.pid}`));
    release();
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that has exited', () => {
    const lock = join(dir, 'stale.lock');
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    expect(deadPid).toBeGreaterThan(0);
    writeFileSync(lock, `${deadPid}\n`);
    const release = acquireFolderLock(lock);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over an unreadable (garbage) lock file', () => {
    const lock = join(dir, 'garbage.lock');
    writeFileSync(lock, 'not a pid');
    acquireFolderLock(lock)();
    expect(existsSync(lock)).toBe(false);
  });
});
