/**
 * A failure of the object store or the warehouse, not of the file being processed: the job is retried rather than
 * the source being marked failed.
 */
export class InfrastructureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfrastructureError';
  }
}

/** Runs a storage call, turning its failure into an InfrastructureError. */
export async function infrastructure<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new InfrastructureError(`${what}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
