// Child-process entry: creates a PGlite database folder and exits (see createPgliteCluster).
import { PGlite } from '@electric-sql/pglite';
import { pgliteStartParams } from './pglite-cluster.js';

const [folder, sharedBuffersMb] = process.argv.slice(2);
try {
  if (!folder) throw new Error('usage: pglite-cluster-process <folder> <shared buffers MB>');
  const db = await PGlite.create(folder, {
    startParams: pgliteStartParams({ sharedBuffersMb: Number(sharedBuffersMb) }),
  });
  await db.close();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  process.disconnect?.();
}
