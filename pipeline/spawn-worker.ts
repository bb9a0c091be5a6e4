import { type ChildProcess, type ForkOptions, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module beside the caller, given as the URL of its compiled `.js` file. When the
 * caller itself runs from TypeScript sources (tests, tsx), the `.ts` module is loaded through tsx's loader instead.
 */
export function spawnModuleWorker(jsUrl: URL, callerUrl: string, options: WorkerOptions = {}): Worker {
  if (callerUrl.endsWith('.ts')) {
    const tsxApi = createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const entry = jsUrl.href.replace(/\.js$/, '.ts');
    const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { ...options, eval: true });
  }
  return new Worker(jsUrl, options);
}

/**
 * Starts a child process on a module beside the caller (same rules as spawnModuleWorker for `.ts` callers). A child
 * process, unlike a thread, gives all of its memory back to the system when it exits.
 */
export function forkModuleProcess(
  jsUrl: URL,
  callerUrl: string,
  args: string[],
  options: ForkOptions = {},
): ChildProcess {
  if (callerUrl.endsWith('.ts')) {
    const tsxEsm = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm')).href;
    const entry = fileURLToPath(jsUrl.href.replace(/\.js$/, '.ts'));
    return fork(entry, args, { ...options, execArgv: ['--import', tsxEsm] });
  }
  return fork(fileURLToPath(jsUrl), args, { ...options, execArgv: [] });
}
