import { readFile } from "node:fs/promises";

import type { IgnitionModule } from "@nomicfoundation/ignition-core";

/**
 * Progress of an Ignition deployment, one line per module: Ignition appends every step to its journal
 * (`<deployment>/journal.jsonl`, kept on every network but the in-process simulation); this reads it as it grows and
 * prints a line when the last future of a module completes.
 */

/** Module id -> the ids of its own futures, for a module and every module it uses (modules without futures left out). */
export function moduleFutures(module: IgnitionModule): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (m: IgnitionModule) => {
    if (out.has(m.id)) return;
    out.set(m.id, new Set([...m.futures].map((f) => f.id)));
    for (const sub of m.submodules) visit(sub);
  };
  visit(module);
  for (const [id, futures] of out) if (futures.size === 0) out.delete(id);
  return out;
}

// Journal entries that finish a future: the `*_EXECUTION_STATE_COMPLETE` ones, and the INITIALIZE of the futures that
// send nothing (contractAt, readEventArgument, encodeFunctionCall), which complete at once.
const DONE =
  /^(?:[A-Z_]+_EXECUTION_STATE_COMPLETE|(?:CONTRACT_AT|READ_EVENT_ARGUMENT|ENCODE_FUNCTION_CALL)_EXECUTION_STATE_INITIALIZE)$/;

/** Counts completed futures per module from journal lines and prints `<prefix><Module>: N steps done (+T s)` once each. */
export class ModuleProgress {
  readonly #left = new Map<string, Set<string>>();
  readonly #sizes = new Map<string, number>();
  readonly #moduleOf = new Map<string, string>();
  readonly #started = Date.now();

  constructor(
    modules: Map<string, Set<string>>,
    private readonly print: (line: string) => void,
    private readonly prefix = "  ",
  ) {
    for (const [id, futures] of modules) {
      this.#left.set(id, new Set(futures));
      this.#sizes.set(id, futures.size);
      for (const future of futures) this.#moduleOf.set(future, id);
    }
  }

  /** Modules not finished yet. */
  get pending(): string[] {
    return [...this.#left.keys()];
  }

  /** Reads journal lines (JSON, one entry each; a torn last line is skipped by the caller). */
  feed(lines: string[]): void {
    for (const line of lines) {
      if (line.trim() === "") continue;
      const entry = JSON.parse(line) as { type?: string; futureId?: string };
      if (entry.futureId === undefined || entry.type === undefined || !DONE.test(entry.type)) continue;
      const module = this.#moduleOf.get(entry.futureId);
      const left = module === undefined ? undefined : this.#left.get(module);
      if (module === undefined || left === undefined) continue;
      left.delete(entry.futureId);
      if (left.size === 0) {
        this.#left.delete(module);
        const seconds = ((Date.now() - this.#started) / 1000).toFixed(1);
        const steps = this.#sizes.get(module)!;
        this.print(`${this.prefix}${module}: ${steps} step${steps === 1 ? "" : "s"} done (+${seconds} s)`);
      }
    }
  }
}

/**
 * Follows `journalFile` while a deployment runs (polling every `intervalMs`), feeding complete lines to `progress`.
 * Ignition starts each entry with a newline, so while it writes, the text after the last newline may be torn; once
 * the deployment has returned, `stop()` reads the rest, the last entry included, and ends the watch.
 */
export function followJournal(journalFile: string, progress: ModuleProgress, intervalMs = 250) {
  let consumed = 0;
  const poll = async (final: boolean) => {
    const text = await readFile(journalFile, "utf8").catch(() => "");
    const end = final ? text.length : text.lastIndexOf("\n") + 1;
    if (end > consumed) {
      progress.feed(text.slice(consumed, end).split("\n"));
      consumed = end;
    }
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => poll(false));
  }, intervalMs);
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
      await poll(true);
    },
  };
}
