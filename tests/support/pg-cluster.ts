import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary directory, a server listening
 * only on a unix socket in that directory, trust authentication, fsync off. Stopped with
 * `pg_ctl stop -m immediate` and the directory removed. initdb and postgres refuse to run as
 * root, and sessions and CI run as root, so there they run as `nobody` through runuser.
 */
const run = promisify(execFile);
const UNPRIVILEGED_USER = 'nobody';
// Room for every connection pool of the server suite's files running side by side.
const SERVER_OPTIONS =
  "-c listen_addresses='' -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

export interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

export interface PgCluster {
  /** postgres://…, to the `postgres` database as superuser `postgres`. */
  databaseUrl: string;
  /** The same server, another database of it. */
  urlFor(database: string): string;
  /** Its data directory (`postmaster.pid` there names the server process). */
  dataDir: string;
  /** The directory of its unix socket, which names it in `clusterUrl`. */
  socketDir: string;
  stop(): Promise<void>;
}

/** The binaries to use, or why PostgreSQL tests cannot run here. */
export function findPostgres(): PgBinaries | { missing: string } {
  if (process.getuid?.() === 0 && !['/usr/sbin/runuser', '/sbin/runuser'].some(existsSync)) {
    return { missing: 'runuser is needed to run PostgreSQL as an unprivileged user under root' };
  }
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    ...listVersionDirs('/usr/lib/postgresql'),
  ];
  const dir = candidates.find((d) =>
    ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(d, name))),
  );
  if (!dir) {
    return { missing: 'no initdb, pg_ctl and postgres on PATH nor in /usr/lib/postgresql/*/bin' };
  }
  // pg_ctl looks for postgres beside its real path: use that directory for both.
  const bin = dirname(realpathSync(join(dir, 'pg_ctl')));
  return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
}

/** Starts a new cluster (about a second); `stop()` it in afterAll. */
export async function startPgCluster(bin: PgBinaries): Promise<PgCluster> {
  const owner = process.getuid?.() === 0 ? userIds(UNPRIVILEGED_USER) : undefined;
  // The unprivileged user must reach the directory through every parent.
  const base = owner && !traversableByAll(tmpdir()) ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(base, 'dk-pg-'));
  const dataDir = join(dir, 'data');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o755);
  }
  const asOwner = (file: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', UNPRIVILEGED_USER, '--', file, ...args]] : [file, args];
  const stopArgs = ['stop', '-D', dataDir, '-m', 'immediate', '-s'];
  const stopNow = () => {
    try {
      execFileSync(...asOwner(bin.pgCtl, stopArgs), { stdio: 'ignore' });
    } catch {
      // Not running (any more): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies must not leave a postgres behind.
  process.once('exit', stopNow);
  try {
    const initdbArgs = [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
    ];
    await run(...asOwner(bin.initdb, [...initdbArgs, '--no-sync']));
    const log = join(dir, 'server.log');
    await run(
      ...asOwner(bin.pgCtl, [
        'start',
        '-D',
        dataDir,
        '-w',
        '-s',
        '-l',
        log,
        '-o',
        `-k ${dir} ${SERVER_OPTIONS}`,
      ]),
    );
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
  const urlFor = (database: string) => clusterUrl(dir, database);
  return {
    databaseUrl: urlFor('postgres'),
    urlFor,
    dataDir,
    socketDir: dir,
    async stop() {
      process.removeListener('exit', stopNow);
      await run(...asOwner(bin.pgCtl, stopArgs)).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** postgres://… to `database` of the cluster listening in `socketDir`, as superuser `postgres`. */
export function clusterUrl(socketDir: string, database: string): string {
  return `postgresql://postgres@/${database}?host=${socketDir}`;
}

function listVersionDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'));
}

function traversableByAll(path: string): boolean {
  for (let p = path; ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return false;
    if (dirname(p) === p) return true;
  }
}

function userIds(user: string): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
