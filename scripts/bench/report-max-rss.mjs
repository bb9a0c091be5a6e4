// Preloaded (`node --import`) into a benchmarked process: writes its peak resident set size (all threads), in bytes,
// to the file named by SOHOA_BENCH_MAX_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.SOHOA_BENCH_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
