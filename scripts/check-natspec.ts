/**
 * Fails when an external or public function declared in contracts/ lacks its NatSpec: `@inheritdoc` (which the
 * compiler resolves, and refuses when the base has no such function), or else `@notice`, a `@param` per named
 * parameter and a `@return` per return value.
 *
 * solhint's `use-natspec` (npm run lint:sol) enforces the same tags, except that it skips every `@param`/`@return`
 * check of a function with an unnamed parameter or return value (`returns (uint256)`, the common case); this check
 * reads the compiler's AST instead, so it sees every function as solc does.
 *
 * Run after `hardhat build`: `hardhat run scripts/check-natspec.ts`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const ARTIFACTS = "artifacts";

interface Node {
  nodeType: string;
  name?: string;
  kind?: string;
  visibility?: string;
  documentation?: { text: string } | null;
  parameters?: { parameters: { name: string }[] };
  returnParameters?: { parameters: { name: string }[] };
  nodes?: Node[];
  src?: string;
}

async function* artifactFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "build-info") yield* artifactFiles(full);
    } else if (entry.name.endsWith(".json")) {
      yield full;
    }
  }
}

// The build each contracts/ source was last compiled in (its current artifact names it).
const buildOf = new Map<string, string>();
for await (const file of artifactFiles(ARTIFACTS)) {
  const artifact = JSON.parse(await readFile(file, "utf8")) as { buildInfoId?: string; inputSourceName?: string };
  const { buildInfoId, inputSourceName } = artifact;
  if (buildInfoId !== undefined && inputSourceName?.startsWith("project/contracts/") === true) {
    buildOf.set(inputSourceName, buildInfoId);
  }
}

const outputs = new Map<string, { output: { sources: Record<string, { ast: Node }> } }>();
const problems: string[] = [];
let checked = 0;
for (const [source, build] of [...buildOf.entries()].sort()) {
  if (!outputs.has(build)) {
    outputs.set(build, JSON.parse(await readFile(path.join(ARTIFACTS, "build-info", `${build}.output.json`), "utf8")));
  }
  const ast = outputs.get(build)!.output.sources[source].ast;
  for (const contract of ast.nodes ?? []) {
    if (contract.nodeType !== "ContractDefinition") continue;
    for (const f of contract.nodes ?? []) {
      if (f.nodeType !== "FunctionDefinition" || f.kind !== "function") continue;
      if (f.visibility !== "external" && f.visibility !== "public") continue;
      checked++;
      const where = `${source.slice("project/".length)}: ${contract.name}.${f.name}`;
      const text = f.documentation?.text ?? "";
      if (/@inheritdoc\b/.test(text)) continue;
      if (!/@notice\b/.test(text)) problems.push(`${where}: no @notice`);
      const params = (f.parameters?.parameters ?? []).filter((p) => p.name !== "");
      const documented = [...text.matchAll(/@param\s+(\w+)/g)].map((m) => m[1]);
      for (const p of params) if (!documented.includes(p.name)) problems.push(`${where}: no @param ${p.name}`);
      const returns = f.returnParameters?.parameters.length ?? 0;
      const returnTags = [...text.matchAll(/@return\b/g)].length;
      if (returnTags < returns) problems.push(`${where}: ${returns} return value(s), ${returnTags} @return tag(s)`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`\n${problems.length} NatSpec problem(s) in contracts/.`);
  process.exit(1);
}
console.log(`NatSpec complete on all ${checked} external and public functions of contracts/.`);
