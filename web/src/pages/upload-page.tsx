import { useEffect, useRef, useState } from 'preact/hooks';
import { api, eventStream, uploadFile } from '../api.js';
import { formatDate, type MessageKey, t } from '../i18n.js';
import { ErrorNote } from '../parts/error-note.js';
import { pageImagePath, Thumbnail } from '../parts/thumbnail.js';
import { go } from '../router.js';
import type { Dossier, FileStatus } from '../types.js';

interface Picked {
  file: File;
  progress: number;
  state: 'waiting' | 'uploading' | 'uploaded' | 'failed';
  error?: string;
}

interface ServerFile {
  id: string;
  fileName: string;
  sha256: string;
  status: FileStatus;
  pageCount: number | null;
  error?: string;
}

type ProgressEvent =
  | { type: 'source-start'; sha256: string; pageCount: number }
  | { type: 'page-done'; sha256: string; page: number }
  | { type: 'source-done'; sha256: string; status: 'done' | 'failed' };

type PageState = 'queued' | 'reading' | 'read' | 'recognised' | 'failed';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,application/pdf,image/jpeg,image/png,image/tiff,image/webp';

/** `started` is the page count the source-start event announced (the status line has it only later). */
function pageStates(file: ServerFile, started: number | undefined, read: Set<number> | undefined): PageState[] {
  const count = file.pageCount ?? started ?? 0;
  return Array.from({ length: count }, (_, i) => {
    if (file.status === 'done') return 'recognised';
    if (file.status === 'failed') return 'failed';
    if (read?.has(i + 1)) return 'read';
    return started !== undefined || file.status === 'processing' ? 'reading' : 'queued';
  });
}

export function UploadPage({ dossierId }: { dossierId: string }) {
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [serverFiles, setServerFiles] = useState<ServerFile[]>([]);
  const [read, setRead] = useState<Map<string, Set<number>>>(new Map());
  const [started, setStarted] = useState<Map<string, number>>(new Map());
  const [done, setDone] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [streaming, setStreaming] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    api<Dossier>('GET', `/dossiers/${dossierId}`).then(setDossier, setError);
  }, [dossierId]);

  // Live status once something is uploaded; reconnects if the stream drops before the service says done.
  useEffect(() => {
    if (streaming === 0) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const stop = eventStream(
      `/dossiers/${dossierId}/events`,
      ({ event, data }) => {
        if (event === 'status' || event === 'done') {
          setServerFiles((data as { files: ServerFile[] }).files);
          if (event === 'done') {
            finished.current = true;
            setDone(true);
          }
        } else if (event === 'progress') {
          const p = data as ProgressEvent;
          if (p.type === 'source-start') setStarted((s) => new Map(s).set(p.sha256, p.pageCount));
          if (p.type === 'page-done') {
            setRead((m) => new Map(m).set(p.sha256, new Set(m.get(p.sha256)).add(p.page)));
          }
        }
      },
      (failure) => {
        if (failure) setError(failure);
        if (!finished.current) retry = setTimeout(() => setStreaming((n) => n + 1), 2000);
      },
    );
    return () => {
      stop();
      clearTimeout(retry);
    };
  }, [dossierId, streaming]);

  const add = (list: FileList | null) => {
    if (!list) return;
    setPicked((p) => [...p, ...Array.from(list, (file) => ({ file, progress: 0, state: 'waiting' as const }))]);
  };
  const update = (file: File, change: Partial<Picked>) =>
    setPicked((list) => list.map((p) => (p.file === file ? { ...p, ...change } : p)));
  const uploadAll = async () => {
    setDone(false);
    finished.current = false;
    for (const p of picked.filter((x) => x.state === 'waiting' || x.state === 'failed')) {
      update(p.file, { state: 'uploading', progress: 0 });
      try {
        await uploadFile(dossierId, p.file, (progress) => update(p.file, { progress }));
        update(p.file, { state: 'uploaded', progress: 1 });
        setStreaming((n) => n + 1);
      } catch (e) {
        update(p.file, { state: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }
  };

  return (
    <section class="upload">
      <h1>
        {t('upload')}
        {dossier && (
          <small>
            {' '}
            · {t('dossier_code')} <b data-testid="dossier-code">{dossier.code}</b> · {t('due_date')}{' '}
            {formatDate(dossier.dueDate)}
          </small>
        )}
      </h1>
      <button
        type="button"
        class={`dropzone${dragging ? ' over' : ''}`}
        data-testid="dropzone"
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        {t('drop_here')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      {picked.length > 0 && (
        <>
          <ul class="uploads">
            {picked.map((p) => (
              <li key={p.file.name + p.file.size} data-state={p.state}>
                <span class="name">{p.file.name}</span>
                <progress max={1} value={p.progress} aria-label={p.file.name} />
                <span>
                  {Math.round(p.progress * 100)}%{' '}
                  {p.state === 'uploaded'
                    ? t('uploaded')
                    : p.state === 'failed'
                      ? `${t('upload_failed')}: ${p.error}`
                      : ''}
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="primary"
            onClick={() => void uploadAll()}
            disabled={!picked.some((p) => p.state === 'waiting' || p.state === 'failed')}
          >
            {t('start_upload')}
          </button>
        </>
      )}
      <ErrorNote error={error} />
      {serverFiles.map((f) => (
        <div class="file-status" key={f.id} data-testid="file-status" data-status={f.status}>
          <h2>
            {f.fileName} — {t(`status_${f.status}` as MessageKey)}
            {f.pageCount ? ` · ${f.pageCount} ${t('pages').toLowerCase()}` : ''}
            {f.error ? ` · ${f.error}` : ''}
          </h2>
          <ol class="page-grid">
            {pageStates(f, started.get(f.sha256), read.get(f.sha256)).map((state, i) => {
              const n = i + 1;
              const hasImage = state === 'read' || state === 'recognised';
              return (
                <li key={n} data-state={state} data-testid="page-tile">
                  <Thumbnail path={hasImage ? pageImagePath(dossierId, f.id, n, 96) : null} alt={`${t('page')} ${n}`} />
                  <span>
                    {n} · {t(`state_${state}` as MessageKey)}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
      {done && (
        <p class="notice ok" data-testid="all-done">
          {t('all_done')}{' '}
          <button type="button" class="primary" onClick={() => go(`#/dossiers/${dossierId}`)}>
            {t('open_dossier')}
          </button>
        </p>
      )}
    </section>
  );
}
