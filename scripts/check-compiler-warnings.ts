/**
 * Fails when the compiler warned about our own sources (contracts/ and test/). Warnings from
 * node_modules (OpenZeppelin's use of `at`, say) are reported by Hardhat but not ours to fix.
 *
 * A source's current artifact names the build that last compiled it; only that build's diagnostics
 * for that source count, so older builds left in artifacts/build-info are ignored. Contract size
 * limits do not apply to test contracts, so those two warnings are allowed under test/.
 *
 * Run after `hardhat build`: `hardhat run scripts/check-compiler-warnings.ts`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const ARTIFACTS = "artifacts";
const SIZE_WARNINGS = ["Contract code size", "Contract initcode size"];

interface SolcDiagnostic {
  severity: "error" | "warning" | "info";
  formattedMessage?: string;
  message: string;
  sourceLocation?: { file: string };
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

// build info id -> the project sources whose current artifacts come from it
const sourcesByBuild = new Map<string, Set<string>>();
for await (const file of artifactFiles(ARTIFACTS)) {
  const artifact = JSON.parse(await readFile(file, "utf8")) as { buildInfoId?: string; inputSourceName?: string };
  const { buildInfoId, inputSourceName } = artifact;
  if (buildInfoId === undefined || inputSourceName?.startsWith("project/") !== true) continue;
  if (!sourcesByBuild.has(buildInfoId)) sourcesByBuild.set(buildInfoId, new Set());
  sourcesByBuild.get(buildInfoId)!.add(inputSourceName);
}

const ours: SolcDiagnostic[] = [];
for (const [id, sources] of sourcesByBuild) {
  const output = JSON.parse(await readFile(path.join(ARTIFACTS, "build-info", `${id}.output.json`), "utf8")) as {
    output: { errors?: SolcDiagnostic[] };
  };
  for (const diagnostic of output.output.errors ?? []) {
    const file = diagnostic.sourceLocation?.file;
    if (diagnostic.severity === "info" || file === undefined || !sources.has(file)) continue;
    const sizeWarningInTest =
      file.startsWith("project/test/") && SIZE_WARNINGS.some((text) => diagnostic.message.startsWith(text));
    if (!sizeWarningInTest) ours.push(diagnostic);
  }
}

if (ours.length > 0) {
  for (const d of ours) console.error(d.formattedMessage ?? `${d.sourceLocation?.file}: ${d.message}`);
  console.error(`\n${ours.length} compiler warning(s) in our sources: treat them as errors.`);
  process.exit(1);
}
console.log(`No compiler warnings in our sources (${sourcesByBuild.size} build info(s) checked).`);
