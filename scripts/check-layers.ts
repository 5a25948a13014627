/**
 * The layer check (`npm run lint:layers`): every relative import of the TypeScript sources follows the dependency
 * rule, and no import cycle joins them.
 *
 *   lib  <-  modules  <-  presets  <-  deploy  <-  scripts, tasks, test
 *
 * - `lib/`: units, the one `Governed` type, roles, selectors. Imports nothing of the project.
 * - `modules/`: each module's preset type (its schema), validators and keys. Imports `lib/`.
 * - `deploy/modules/*.ts` (and `devnet/`, the devnet stand-ins): the modules' Ignition builders. Import `lib/`,
 *   `modules/` and each other, never a preset: a builder takes its numbers as an argument. Named exports only: the
 *   system entry modules are the only default exports.
 * - `presets/`: the systems' numbers (data), their composition (`SystemPreset`) and its validation. Import `lib/`
 *   and `modules/`, never `deploy/`.
 * - `deploy/modules/presets/`: where a module meets a preset (`build.ts`) and the system entry modules. Import all
 *   of the above.
 * - `scripts/`, `tasks/`, `test/`, `hardhat.config.ts`: anything.
 *
 * Type-only imports count: a type pulls its file into the importer's dependencies as much as a value does. Bare
 * imports (packages) are not the rule's business; imports of other project folders (`typechain-types/`) are allowed
 * from the top layer only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import ts from "typescript";

/** A layer: the files it holds (path prefixes from the root, most specific wins) and the layers it may import. */
interface Layer {
  name: string;
  prefixes: string[];
  may: string[];
}

export const LAYERS: Layer[] = [
  { name: "lib", prefixes: ["lib/"], may: [] },
  { name: "modules", prefixes: ["modules/"], may: ["lib"] },
  { name: "builders", prefixes: ["deploy/modules/"], may: ["lib", "modules"] },
  { name: "presets", prefixes: ["presets/"], may: ["lib", "modules"] },
  { name: "deploy", prefixes: ["deploy/modules/presets/"], may: ["lib", "modules", "builders", "presets"] },
  { name: "top", prefixes: ["scripts/", "tasks/", "test/", "hardhat.config.ts"], may: ["*"] },
];

/** The folders (and files) the check reads. */
const SOURCES = ["lib", "modules", "deploy", "presets", "scripts", "tasks", "test", "hardhat.config.ts"];

/** The layer of a root-relative path (the longest matching prefix), or undefined outside every layer. */
export function layerOf(file: string): Layer | undefined {
  let best: Layer | undefined;
  let length = -1;
  for (const layer of LAYERS) {
    for (const prefix of layer.prefixes) {
      if ((file === prefix || file.startsWith(prefix)) && prefix.length > length) {
        best = layer;
        length = prefix.length;
      }
    }
  }
  return best;
}

function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) if (name !== "node_modules") walk(path.posix.join(rel, name));
    } else if (rel.endsWith(".ts") && !rel.endsWith(".d.ts")) {
      out.push(rel);
    }
  };
  for (const source of SOURCES) walk(source);
  return out.sort();
}

/** The project files a source imports (relative specifiers only), root-relative, `.js` read as its `.ts`. */
export function importsOf(root: string, file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith("./") && !fileName.startsWith("../")) continue;
    let target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
    if (target.endsWith(".js")) target = `${target.slice(0, -3)}.ts`;
    else if (existsSync(path.join(root, target)) && statSync(path.join(root, target)).isDirectory()) {
      target = path.posix.join(target, "index.ts");
    }
    out.push(target);
  }
  return out;
}

/** Every strongly connected set of more than one file (or a file importing itself): each one is a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** Every import that breaks the rule and every cycle, as messages; empty when the sources are clean. */
export function checkLayers(root: string): string[] {
  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  for (const file of listSources(root)) {
    const imports = importsOf(root, file);
    graph.set(file, imports);
    const from = layerOf(file);
    if (from === undefined || from.may.includes("*")) continue;
    for (const target of imports) {
      const to = layerOf(target);
      if (to === from) continue;
      if (to === undefined || !from.may.includes(to.name)) {
        problems.push(
          `${file} (${from.name}) imports ${target} (${to?.name ?? "outside the layers"}): ` +
            `${from.name} may import ${from.may.length === 0 ? "nothing of the project" : from.may.join(", ")}`,
        );
      }
    }
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.join(" -> ")}`);
  // A builder is imported by name; only a system's entry module (deploy/modules/presets/) is a default export.
  for (const file of graph.keys()) {
    if (layerOf(file)?.name !== "builders") continue;
    if (/^export default\b/m.test(readFileSync(path.join(root, file), "utf8"))) {
      problems.push(`${file} (builders) has a default export: export the module by name`);
    }
  }
  return problems;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkLayers(process.cwd());
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(`\n${problems.length} layer problem(s): see the rule in scripts/check-layers.ts`);
    process.exit(1);
  }
  console.log("Layers: every import follows lib <- modules <- presets <- deploy <- scripts/tasks/test; no cycles.");
}
