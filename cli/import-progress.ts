import cliProgress from 'cli-progress';

/** What the import progress shows; `finished*` count files finished in earlier sessions of the same run too. */
export interface ImportProgressState {
  runId: string;
  /** Files walked so far, and whether the walk is complete (then it is the archive's total). */
  filesSeen: number;
  walkComplete: boolean;
  finishedFiles: number;
  failedFiles: number;
  /** Pages of files finished in this session, and how long this session has run. */
  sessionFiles: number;
  sessionPages: number;
  inFlight: number;
}

export interface ImportProgressLine {
  run: string;
  files: number;
  filesTotal: number | null;
  failed: number;
  pages: number;
  pagesPerSecond: number;
  etaSeconds: number | null;
  inFlight: number;
  elapsedSeconds: number;
}

/** Pure: rates and ETA from the state, `elapsedMs` into this session. */
export function progressLine(state: ImportProgressState, elapsedMs: number): ImportProgressLine {
  const seconds = elapsedMs / 1000;
  const total = state.walkComplete ? state.filesSeen : null;
  const perFile = state.sessionFiles > 0 ? seconds / state.sessionFiles : null;
  return {
    run: state.runId,
    files: state.finishedFiles,
    filesTotal: total,
    failed: state.failedFiles,
    pages: state.sessionPages,
    pagesPerSecond: seconds > 0 ? Math.round((state.sessionPages / seconds) * 10) / 10 : 0,
    etaSeconds:
      total !== null && perFile !== null ? Math.round(Math.max(0, total - state.finishedFiles) * perFile) : null,
    inFlight: state.inFlight,
    elapsedSeconds: Math.round(seconds),
  };
}

export interface ImportProgress {
  update(state: ImportProgressState): void;
  stop(state: ImportProgressState): void;
}

/** A bar on a terminal; otherwise one JSON line per interval (and a last one) for logs. */
export function importProgress(stream: NodeJS.WriteStream, intervalMs: number): ImportProgress {
  const started = performance.now();
  if (!stream.isTTY) {
    let last = started;
    const write = (state: ImportProgressState) => {
      stream.write(`${JSON.stringify({ progress: progressLine(state, performance.now() - started) })}\n`);
    };
    return {
      update(state) {
        if (performance.now() - last < intervalMs) return;
        last = performance.now();
        write(state);
      },
      stop: write,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format:
        'importing {bar} {value}/{totalText} files | {pages} pages, {rate} pages/s | {eta_text} | {failed} failed | {inFlight} in flight',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { totalText: '?', pages: 0, rate: 0, eta_text: 'ETA ?', failed: 0, inFlight: 0 });
  const apply = (state: ImportProgressState) => {
    const line = progressLine(state, performance.now() - started);
    bar.setTotal(Math.max(state.filesSeen, line.files));
    bar.update(line.files, {
      totalText: line.filesTotal ?? `${state.filesSeen}+`,
      pages: line.pages,
      rate: line.pagesPerSecond,
      eta_text: line.etaSeconds === null ? 'ETA ?' : `ETA ${formatSeconds(line.etaSeconds)}`,
      failed: line.failed,
      inFlight: line.inFlight,
    });
  };
  return {
    update: apply,
    stop(state) {
      apply(state);
      bar.stop();
    },
  };
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
