import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Owns the lock file that says which process has the embedded database open. PGlite does not
 * guard its directory itself, and two processes writing to it would corrupt it (DESIGN §3).
 */
const LOCK_FILE = 'server.pid';
/** Lock files this process holds, to tell its own lock from one left by an earlier process with the same pid. */
const held = new Set<string>();

export class DataDirLockedError extends Error {}

/** Takes the lock on `dataDir` or throws with a message for people; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  if (held.has(path)) throw lockedError(dataDir, process.pid);
  if (!tryCreate(path)) {
    const holder = readHolder(path);
    // Our own pid without holding it: a previous life of this pid (a restarted container's 1).
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
      throw lockedError(dataDir, holder);
    }
    // Left by a process that died (crash, kill -9): stale, take it over. If another process
    // takes it between these two lines, `wx` fails and that process keeps it.
    rmSync(path, { force: true });
    if (!tryCreate(path)) throw lockedError(dataDir, readHolder(path));
  }
  held.add(path);
  return () => {
    held.delete(path);
    if (readHolder(path) === process.pid) rmSync(path, { force: true });
  };
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function lockedError(dataDir: string, holder: number | undefined): DataDirLockedError {
  return new DataDirLockedError(
    `La base embarquée ${dataDir} est déjà ouverte par le processus ${holder ?? 'inconnu'}. ` +
      'Arrêtez le serveur, ou passez par l’écran d’administration.',
  );
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
