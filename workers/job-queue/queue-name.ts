/**
 * Queue names are shared by both adapters; BullMQ builds Redis keys from them, so ':' and spaces are out.
 */
const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function assertQueueName(queue: string): void {
  if (!QUEUE_NAME.test(queue)) {
    throw new Error(`invalid queue name ${JSON.stringify(queue)}: use 1-100 of [A-Za-z0-9._-], starting alphanumeric`);
  }
}

/** True when the error means "do not retry": a PermanentJobError, also when it crossed a realm boundary. */
export function isPermanent(error: unknown): boolean {
  return error instanceof Error && error.name === 'PermanentJobError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
