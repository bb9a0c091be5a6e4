// A worker thread that lowers itself as the preprocessing threads do, then reports its thread id and stays alive.
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerCurrentThread, type ThreadPriority } from '../thread-priority.js';

lowerCurrentThread(workerData as ThreadPriority);
parentPort?.postMessage(readlinkSync('/proc/thread-self').split('/').pop());
setInterval(() => {}, 1000);
