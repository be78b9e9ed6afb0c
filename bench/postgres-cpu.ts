import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU time a PostgreSQL server has used so far, in ms: its postmaster, the processes it runs
 * (backends, WAL writer, checkpointer…) and those it has reaped (a backend whose connection
 * closed), read from /proc. Undefined where there is no /proc (not Linux).
 */
export function postgresCpuMs(dataDir: string): number | undefined {
  let postmaster: number;
  let ticksPerSecond: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    // After the command name: state, ppid, … utime (index 11), stime, cutime, cstime.
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (Number(entry) === postmaster) ticks += utime + stime + cutime + cstime;
    else if (Number(fields[1]) === postmaster) ticks += utime + stime;
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** The fields of /proc/<pid>/stat after the command name, or undefined once it has exited. */
function statFields(pid: string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
