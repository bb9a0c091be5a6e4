import { EventEmitter } from 'node:events';
import type { ProgressEvent } from '../../pipeline/digitize-source.js';

/** Fans in-process pipeline progress out to server-sent-event listeners, by source SHA-256. */
export class ProgressHub {
  private readonly emitter = new EventEmitter();
  constructor(maxListeners = 1000) {
    this.emitter.setMaxListeners(maxListeners);
  }
  publish(event: ProgressEvent): void {
    this.emitter.emit(event.sha256, event);
  }
  subscribe(shas: string[], listener: (event: ProgressEvent) => void): () => void {
    for (const sha of shas) this.emitter.on(sha, listener);
    return () => {
      for (const sha of shas) this.emitter.off(sha, listener);
    };
  }
}
