import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Raised when another live process already holds the warehouse folder. */
export class WarehouseLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `warehouse: ${lockPath} is held by process ${holderPid}; PGlite allows one process per data folder. ` +
        'Stop that process, use a PostgreSQL DATABASE_URL for several processes, or remove the lock file if that process is gone.',
    );
    this.name = 'WarehouseLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file holding our pid. A lock left by a dead process is taken over; a live holder
 * (including this very process, opening the folder twice) is refused. Returns the release function.
 */
export function acquireFolderLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    } catch {
      // Removed between our attempts: retry.
    }
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new WarehouseLockedError(lockPath, holder);
    rmSync(lockPath, { force: true });
  }
  throw new Error(`warehouse: could not take the lock ${lockPath} (another process keeps recreating it)`);
}
