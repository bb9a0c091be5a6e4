import { useEffect, useState } from 'preact/hooks';
import { blobUrl } from '../api.js';

// Few image requests at once: a 50-page upload must not queue 50 downloads in front of the event stream.
const MAX_PARALLEL = 3;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function pageImagePath(dossierId: string, fileId: string, page: number, width?: number): string {
  return `/dossiers/${dossierId}/files/${fileId}/pages/${page}/image${width ? `?width=${width}` : ''}`;
}

/** An authorised image (object URL), loaded when `ready`, released when gone. */
export function useImage(path: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    let made: string | null = null;
    limited(() => blobUrl(path)).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      () => {
        if (live) setUrl(null);
      },
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [path]);
  return url;
}

export function Thumbnail({ path, alt }: { path: string | null; alt: string }) {
  const url = useImage(path);
  return <span class="thumb">{url ? <img src={url} alt={alt} decoding="async" /> : <span class="thumb-empty" />}</span>;
}
