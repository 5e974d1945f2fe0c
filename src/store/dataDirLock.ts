/**
 * One owner of the embedded store. PGlite is a single-process database: two processes writing the
 * same DATA_DIR corrupt it or diverge silently. The owner keeps `owner.lock` in DATA_DIR with its pid
 * (and, once listening, the address operator commands can reach it at); a second process reads it
 * and refuses to start. A lock whose process is gone (kill -9, a crash, a reboot) is stale and taken over.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const LOCK_FILE = 'owner.lock';

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
  /** Where the owner listens (http://127.0.0.1:3978), for operator commands; absent until it listens. */
  url: z.string().optional(),
});

export type DataDirOwner = z.infer<typeof ownerSchema>;

/** Raised when another live process owns DATA_DIR; the message is the one line a person reads. */
export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(`DATA_DIR ${dataDir} is in use by another disc coach process (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ''}); stop it first, or give this one another DATA_DIR`);
    this.name = 'DataDirLocked';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records where this owner listens, so operator commands can go through it. */
  recordUrl(url: string): void;
  /** Removes the lock if it is still this process's. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // After a reboot or in a new container a pid can be reused by an unrelated program: where the
  // kernel tells us (Linux), a live pid only counts if it is a Node.js process.
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node/i.test(command);
  } catch {
    return true;
  }
}

function readOwner(path: string): DataDirOwner | 'unreadable' | 'missing' {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The live owner of dataDir, or undefined when nobody (alive) holds it. */
export function dataDirOwner(dataDir: string): DataDirOwner | undefined {
  const owner = readOwner(join(dataDir, LOCK_FILE));
  return typeof owner === 'object' && owner.pid !== process.pid && isAlive(owner.pid) ? owner : undefined;
}

function writeAtomically(path: string, owner: DataDirOwner): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(owner)}\n`);
  renameSync(temp, path);
}

/**
 * Takes DATA_DIR for this process, or throws DataDirLocked naming the live owner. Creating the file
 * with O_EXCL decides between two processes starting at once; a stale file is moved aside first,
 * and only the process whose move took the stale file goes on to create the new one.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: DataDirOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return ownLock(path, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner === 'missing') continue;
    if (typeof owner === 'object' && owner.pid === process.pid) return ownLock(path, me);
    if (typeof owner === 'object' && isAlive(owner.pid)) throw new DataDirLocked(dataDir, owner);
    // An unreadable file may be an owner still writing it: give it a moment before calling it stale.
    if (owner === 'unreadable' && attempt < 2) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    const aside = `${path}.stale.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // another process moved it first; look again
    }
    const moved = readOwner(aside);
    if (typeof moved === 'object' && moved.pid !== (typeof owner === 'object' ? owner.pid : -1) && isAlive(moved.pid)) {
      // Between our read and our move a live process took the lock: give it back.
      renameSync(aside, path);
      throw new DataDirLocked(dataDir, moved);
    }
    unlinkSync(aside);
  }
  throw new Error(`DATA_DIR ${dataDir}: could not take ${LOCK_FILE}; remove it if no disc coach process is running`);
}

function ownLock(path: string, me: DataDirOwner): DataDirLock {
  let released = false;
  return {
    path,
    recordUrl(url) {
      const current = readOwner(path);
      if (released || typeof current !== 'object' || current.pid !== process.pid) return;
      me.url = url;
      writeAtomically(path, me);
    },
    release() {
      if (released) return;
      released = true;
      const current = readOwner(path);
      if (typeof current === 'object' && current.pid === process.pid && existsSync(path)) unlinkSync(path);
    },
  };
}
