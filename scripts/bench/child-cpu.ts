import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

/**
 * CPU seconds (user + system, every thread) used so far by this process's finished child processes, from
 * /proc/self/stat; null where /proc is not available. On a machine shared with other work, CPU time per page is the
 * comparison that load does not distort.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Runs `work` and reports the CPU seconds that the child processes it waited for used (null without /proc). */
export async function withChildCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpu: number | null }> {
  const before = childCpuSeconds();
  const value = await work();
  const after = childCpuSeconds();
  return { value, cpu: before !== null && after !== null ? after - before : null };
}
