import { EventEmitter } from 'node:events';
import type { ProgressEvent } from '../../pipeline/digitize-source.js';

/**
 * Fans in-process pipeline progress out to server-sent-event listeners, by source SHA-256. The events of sources
 * still being read are kept, so a listener that subscribes late (a page opened after the upload) gets the page count
 * and the pages read so far before the live events.
 */
export class ProgressHub {
  private readonly emitter = new EventEmitter();
  private readonly inFlight = new Map<string, ProgressEvent[]>();
  constructor(maxListeners = 1000) {
    this.emitter.setMaxListeners(maxListeners);
  }
  publish(event: ProgressEvent): void {
    if (event.type === 'source-start') this.inFlight.set(event.sha256, [event]);
    else if (event.type === 'page-done') this.inFlight.get(event.sha256)?.push(event);
    else this.inFlight.delete(event.sha256);
    this.emitter.emit(event.sha256, event);
  }
  subscribe(shas: string[], listener: (event: ProgressEvent) => void, options: { replay?: boolean } = {}): () => void {
    for (const sha of shas) {
      if (options.replay) for (const event of this.inFlight.get(sha) ?? []) listener(event);
      this.emitter.on(sha, listener);
    }
    return () => {
      for (const sha of shas) this.emitter.off(sha, listener);
    };
  }
}
