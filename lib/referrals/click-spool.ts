import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ClickRecord } from "./click-record";

/**
 * Where clicks go when the database cannot take them in time: files on this host's disk, each written
 * whole (temporary name, fsync, rename, fsync of the folder) before the redirect answers, so neither a
 * SIGKILL nor a power cut loses a click the visitor was redirected for. Replaying a file is safe to repeat:
 * the click table keeps one click per link, visitor and hour.
 */
export interface ClickSpool {
  append(clicks: readonly ClickRecord[]): Promise<void>;
  /** Hands every spooled click to `write` file by file and deletes each file once written; the clicks replayed. */
  drain(write: (clicks: ClickRecord[]) => Promise<void>): Promise<number>;
  /** Files waiting to be replayed. */
  size(): Promise<number>;
}

/** CLICK_SPOOL_DIR, or `.data/click-spool` beside the app. */
export function defaultSpoolDir(): string {
  return process.env.CLICK_SPOOL_DIR ?? path.join(process.cwd(), ".data", "click-spool");
}

const READY = /^\d{13}-[0-9a-f-]{36}\.jsonl$/;
const CLAIMED = /^\d{13}-[0-9a-f-]{36}\.jsonl\.claimed$/;
/** A claim older than this belongs to a replayer that stopped (crash); another may take the file over. */
const STALE_CLAIM_MS = 60_000;
/** A temporary file this old was never completed, so its redirect never answered: nothing to keep. */
const STALE_TEMP_MS = 10 * 60_000;

const serialise = (c: ClickRecord) => JSON.stringify({ ...c, clickedAt: c.clickedAt.toISOString() });

function parse(line: string): ClickRecord {
  const raw = JSON.parse(line) as Omit<ClickRecord, "clickedAt"> & { clickedAt: string };
  return { ...raw, clickedAt: new Date(raw.clickedAt) };
}

async function syncFolder(dir: string) {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fileSpool(dir: string = defaultSpoolDir()): ClickSpool {
  async function claim(name: string, now: number): Promise<string | null> {
    const file = path.join(dir, name);
    if (READY.test(name)) {
      const claimed = `${file}.claimed`;
      try {
        await fs.rename(file, claimed);
      } catch {
        return null; // another replayer took it
      }
      await fs.utimes(claimed, now / 1000, now / 1000);
      return claimed;
    }
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return null;
    if (CLAIMED.test(name) && now - stat.mtimeMs > STALE_CLAIM_MS) {
      await fs.utimes(file, now / 1000, now / 1000).catch(() => undefined);
      return file;
    }
    if (name.startsWith(".tmp-") && now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(file, { force: true });
    return null;
  }

  return {
    async append(clicks) {
      if (clicks.length === 0) return;
      await fs.mkdir(dir, { recursive: true });
      const id = randomUUID();
      const temp = path.join(dir, `.tmp-${id}`);
      const handle = await fs.open(temp, "wx");
      try {
        await handle.writeFile(`${clicks.map(serialise).join("\n")}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, path.join(dir, `${Date.now()}-${id}.jsonl`));
      await syncFolder(dir);
    },

    async drain(write) {
      const names = (await fs.readdir(dir).catch(() => [] as string[])).sort();
      let replayed = 0;
      for (const name of names) {
        const file = await claim(name, Date.now());
        if (!file) continue;
        const text = await fs.readFile(file, "utf8").catch(() => null);
        if (text === null) continue;
        let clicks: ClickRecord[];
        try {
          clicks = text.split("\n").filter(Boolean).map(parse);
        } catch (error) {
          // Never written by append (which renames only complete files): kept aside for a person to look at.
          console.error(`[referrals] unreadable click spool file ${file}, moved aside`, error);
          await fs.rename(file, `${file.replace(/\.claimed$/, "")}.unreadable`);
          continue;
        }
        try {
          await write(clicks);
        } catch (error) {
          // Back in line for the next attempt, by this process or another.
          await fs.rename(file, file.replace(/\.claimed$/, "")).catch(() => undefined);
          throw error;
        }
        await fs.rm(file, { force: true });
        replayed += clicks.length;
      }
      return replayed;
    },

    async size() {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      return names.filter((n) => READY.test(n) || CLAIMED.test(n)).length;
    },
  };
}
