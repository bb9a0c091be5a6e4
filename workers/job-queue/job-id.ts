/**
 * BullMQ job ids may not contain ':' (it builds Redis keys from them) and may not be all digits (those look like its
 * own auto-increment ids). Safe ids pass through unchanged so they stay readable in Redis; any other id is stored
 * as `b64.` + base64url(utf8), which is reversible and never collides with a pass-through id (those cannot start with
 * the marker).
 */
const SAFE = /^[A-Za-z0-9._~-]{1,200}$/;
const MARKER = 'b64.';

export function encodeJobId(id: string): string {
  if (id.length === 0) throw new Error('job id must not be empty');
  if (SAFE.test(id) && !/^\d+$/.test(id) && !id.startsWith(MARKER)) return id;
  return MARKER + Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeJobId(stored: string): string {
  return stored.startsWith(MARKER) ? Buffer.from(stored.slice(MARKER.length), 'base64url').toString('utf8') : stored;
}
