// The service API as the pages use it: bearer token from the browser session, problem+json errors as exceptions,
// uploads through XHR (upload progress events), the event stream through fetch (EventSource sends no headers).

const TOKEN_KEY = 'sohoa.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function authHeaders(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function failure(res: Response): Promise<ApiError> {
  let detail = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { detail?: string };
    if (body.detail) detail = body.detail;
  } catch {
    // not a problem+json body: the status line says enough
  }
  return new ApiError(res.status, detail);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { ...authHeaders(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** An authorised download as an object URL (images and PDFs cannot carry the bearer header by themselves). */
export async function blobUrl(path: string): Promise<string> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw await failure(res);
  return URL.createObjectURL(await res.blob());
}

export async function download(path: string, fileName: string): Promise<void> {
  const url = await blobUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One file per request so each gets its own progress; resolves with the service's answer. */
export function uploadFile(dossierId: string, file: File, onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/dossiers/${dossierId}/files`);
    const token = storedToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body: { detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as { detail?: string };
      } catch {
        // empty or non-JSON answer
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body);
      } else reject(new ApiError(xhr.status, body.detail ?? `${xhr.status} ${xhr.statusText}`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network error')));
    const form = new FormData();
    form.append('scan', file, file.name);
    xhr.send(form);
  });
}

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** Reads a server-sent event stream with the bearer header; returns a function that stops it. */
export function eventStream(path: string, onEvent: (e: StreamEvent) => void, onEnd: (error?: Error) => void) {
  const controller = new AbortController();
  (async () => {
    const res = await fetch(path, { headers: authHeaders(), signal: controller.signal });
    if (!res.ok || !res.body) throw await failure(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length > 0) onEvent({ event, data: JSON.parse(data.join('\n')) });
      }
    }
  })().then(
    () => onEnd(),
    (error: Error) => {
      if (!controller.signal.aborted) onEnd(error);
    },
  );
  return () => controller.abort();
}
