/**
 * A Hardhat plugin that compiles a large compilation job in slices, so solc-js (the wasm compiler this project uses,
 * see `hardhat.config.ts`) never has to hold the whole job's output at once.
 *
 * Why: Hardhat puts every source with the same compiler settings into one job. Ours holds ~380 sources whose tests
 * embed whole stacks, and the job's standard-JSON output (bytecode, opcodes and source maps of every contract, the AST
 * of every source) outgrew what the wasm compiler can serialise: solc answers "Error writing output JSON". A native
 * solc would not hit that wall, but none is available without downloading one.
 *
 * How: the `invokeSolc` hook receives the job's input and returns its output. For a job above `MIN_SOURCES`
 * sources, it asks the compiler for the ASTs alone (analysis, no code generation), then for the contracts' outputs
 * in slices of consecutive sources (each slice generates code only for the contracts it selects, plus those they
 * deploy with `new`), and merges the answers into the one output Hardhat expects: the same
 * `sources` (ids and ASTs), the same `contracts`, the union of the messages. A slice's input keeps the content of
 * only the sources its contracts import (transitively, read from the ASTs); the others are stubs under the same names,
 * so ids and source maps match the whole job's while the compiler analyses only what the slice needs (analysing
 * every source once per slice outgrew the wasm compiler's memory too: "memory access out of bounds", HHE908). A
 * slice that still fails to serialise (or crashes the wasm compiler) is split in two, down to one source. Small jobs
 * go straight through.
 *
 * The cost: each slice repeats the parsing and analysis of what it imports, and a contract deployed by tests of
 * several slices is generated once per slice. The build is a little slower; it completes.
 */
import { createRequire } from "node:module";

import type { HookContext, SolidityHooks } from "hardhat/types/hooks";
import type { HardhatPlugin } from "hardhat/types/plugins";
import type { CompilerInput, CompilerOutput, CompilerOutputError } from "hardhat/types/solidity";

/** Jobs with fewer sources than this are compiled in one call. */
const MIN_SOURCES = 120;
/** Sources per contracts slice (before any split on failure). */
const SOURCES_PER_SLICE = 60;
/** Slices compiled at the same time (each is a child process running the wasm compiler). */
const CONCURRENCY = 2;
/** What solc answers when the output JSON does not fit. */
const OUTPUT_TOO_LARGE = "Error writing output JSON";

function tooLarge(output: CompilerOutput): boolean {
  return (output.errors ?? []).some((e) => e.message?.includes(OUTPUT_TOO_LARGE) === true);
}

function failed(output: CompilerOutput): boolean {
  return (output.errors ?? []).some((e) => e.severity === "error");
}

/** The input with `outputSelection` replaced. */
function withSelection(input: CompilerInput, selection: Record<string, Record<string, string[]>>): CompilerInput {
  return { ...input, settings: { ...input.settings, outputSelection: selection } };
}

/** The contract-level selectors of the job (everything Hardhat asked for under "*" > "*"). */
function contractSelectors(input: CompilerInput): string[] {
  const selection = input.settings.outputSelection as Record<string, Record<string, string[]>>;
  return selection["*"]?.["*"] ?? [];
}

/** A source the slice does not need: kept (so every source keeps its id) but empty of code. */
const STUB = "// SPDX-License-Identifier: UNLICENSED\npragma solidity >=0.0.0;\n";

/** Each source's imports (resolved paths), read from the analysis pass's ASTs. */
type ImportGraph = Map<string, string[]>;

function importGraph(asts: CompilerOutput): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [name, source] of Object.entries(asts.sources ?? {})) {
    const nodes = ((source as { ast?: { nodes?: { nodeType: string; absolutePath?: string }[] } }).ast?.nodes ??
      []) as { nodeType: string; absolutePath?: string }[];
    graph.set(
      name,
      nodes.filter((n) => n.nodeType === "ImportDirective").map((n) => n.absolutePath!),
    );
  }
  return graph;
}

/** `sources` and everything they import, transitively. */
function closure(graph: ImportGraph, sources: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...sources];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

/**
 * The input of a slice: every source the selected ones import keeps its content, every other source is a stub. The
 * compiler then analyses only what the slice needs (the whole job's analysis no longer has to fit in the wasm
 * compiler's memory once per slice), while every source keeps its name, so its id (solc numbers the sources in
 * name order), the source maps and the bytecode (whose metadata lists only the sources a contract needs) are those
 * of the whole job. The stubs' own messages (none but these two lines) are dropped.
 */
function sliceInput(input: CompilerInput, graph: ImportGraph, sources: string[]): CompilerInput {
  const needed = closure(graph, sources);
  const trimmed: CompilerInput["sources"] = {};
  for (const [name, source] of Object.entries(input.sources)) {
    trimmed[name] = needed.has(name) ? source : { content: STUB };
  }
  return { ...input, sources: trimmed };
}

/** Compiles the contracts of `sources`, splitting in two while the output does not fit. */
async function compileSlice(
  compile: (input: CompilerInput) => Promise<CompilerOutput>,
  input: CompilerInput,
  graph: ImportGraph,
  sources: string[],
  selectors: string[],
): Promise<CompilerOutput[]> {
  const selection: Record<string, Record<string, string[]>> = {};
  for (const source of sources) selection[source] = { "*": selectors };
  const needed = closure(graph, sources);
  let output: CompilerOutput;
  try {
    output = await compile(withSelection(sliceInput(input, graph, sources), selection));
    output = {
      ...output,
      errors: (output.errors ?? []).filter((e) => {
        const file = (e as { sourceLocation?: { file: string } }).sourceLocation?.file;
        return file === undefined || needed.has(file);
      }),
    };
  } catch (error) {
    // The wasm compiler can also run out of memory outright ("memory access out of bounds", Hardhat's HHE908)
    // instead of answering OUTPUT_TOO_LARGE: a slice that crashes is split in two the same way.
    if (sources.length === 1) throw error;
    output = { errors: [{ severity: "warning", message: OUTPUT_TOO_LARGE } as CompilerOutputError] } as CompilerOutput;
  }
  if (!tooLarge(output) || sources.length === 1) return [output];
  const half = Math.ceil(sources.length / 2);
  return [
    ...(await compileSlice(compile, input, graph, sources.slice(0, half), selectors)),
    ...(await compileSlice(compile, input, graph, sources.slice(half), selectors)),
  ];
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the result. */
async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The messages of all answers, each once (the analysis warnings come back from every slice). */
function mergeErrors(outputs: CompilerOutput[]): CompilerOutputError[] {
  const seen = new Set<string>();
  const errors: CompilerOutputError[] = [];
  for (const output of outputs) {
    for (const error of output.errors ?? []) {
      const key = `${error.severity}|${error.errorCode ?? ""}|${error.formattedMessage ?? error.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(error);
    }
  }
  return errors;
}

export async function invokeSolcInSlices(
  input: CompilerInput,
  compile: (input: CompilerInput) => Promise<CompilerOutput>,
): Promise<CompilerOutput> {
  const sources = Object.keys(input.sources).sort();
  if (sources.length < MIN_SOURCES) return await compile(input);

  const selectors = contractSelectors(input);
  const slices: string[][] = [];
  for (let i = 0; i < sources.length; i += SOURCES_PER_SLICE) slices.push(sources.slice(i, i + SOURCES_PER_SLICE));

  // The ASTs first: analysis only. A compile error shows here, and is returned as solc reported it.
  const asts = await compile(withSelection(input, { "*": { "": ["ast"] } }));
  if (failed(asts)) return asts;
  const graph = importGraph(asts);

  const parts = (
    await inParallel(
      slices.map((slice) => () => compileSlice(compile, input, graph, slice, selectors)),
      CONCURRENCY,
    )
  ).flat();
  const failure = parts.find(failed);
  if (failure !== undefined) return { ...failure, errors: mergeErrors([asts, failure]) };

  const contracts: CompilerOutput["contracts"] = {};
  for (const part of parts) Object.assign(contracts, part.contracts ?? {});
  return { sources: asts.sources, contracts, errors: mergeErrors([asts, ...parts]) };
}

/**
 * Inputs longer than this go to the compiler through its heap. solc-js's own call copies the input onto the wasm
 * stack (four bytes per character), which a whole job's input outgrows: the wasm compiler then crashes at once
 * ("memory access out of bounds", Hardhat's HHE908) whatever the selection, as the AST pass did on a fresh clone.
 */
const STACK_SAFE_CHARS = 1_000_000;

/** The part of soljson (the emscripten module of solc-js) used to compile with the input on the heap. */
interface SolJson {
  _malloc(size: number): number;
  _free(pointer: number): void;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, size: number): void;
  UTF8ToString(pointer: number): string;
  _solidity_compile(input: number, callback: number, context: number): number;
  _solidity_reset(): void;
}

/** Compiles `input` in this process with soljson at `compilerPath`, the input written to the wasm heap. */
function compileOnHeap(compilerPath: string, input: CompilerInput): CompilerOutput {
  const soljson = createRequire(import.meta.url)(compilerPath) as SolJson;
  const text = JSON.stringify(input);
  const size = soljson.lengthBytesUTF8(text) + 1;
  const pointer = soljson._malloc(size);
  try {
    soljson.stringToUTF8(text, pointer, size);
    // No import callback: Hardhat's input holds every source.
    return JSON.parse(soljson.UTF8ToString(soljson._solidity_compile(pointer, 0, 0))) as CompilerOutput;
  } finally {
    soljson._free(pointer);
    soljson._solidity_reset();
  }
}

const plugin: HardhatPlugin = {
  id: "tokenomics-kit:sliced-solc",
  hookHandlers: {
    solidity: async () => ({
      default: async (): Promise<Partial<SolidityHooks>> => ({
        invokeSolc: async (context: HookContext, compiler, solcInput, solcConfig, next) =>
          await invokeSolcInSlices(solcInput, async (input) =>
            compiler.isSolcJs && JSON.stringify(input).length > STACK_SAFE_CHARS
              ? compileOnHeap(compiler.compilerPath, input)
              : await next(context, compiler, input, solcConfig),
          ),
      }),
    }),
  },
};

export default plugin;
