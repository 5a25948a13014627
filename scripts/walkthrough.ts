/**
 * `npm run walkthrough`: starts a devnet node on a free port, deploys the four presets to it (scripts/deploy.ts),
 * seeds it and runs the README's "Local walkthrough" (scripts/lib/walkthrough.ts: SEED, then WALKTHROUGH), one full
 * lifecycle per preset; fails on the first error; stops the node and removes its address book and journals.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort, hardhat, startNode } from "./lib/devnet-node.js";

const started = Date.now();
const dir = await mkdtemp(path.join(tmpdir(), "walkthrough-"));
const prefix = `walkthrough-${process.pid}-`;
const port = await freePort();
const env = {
  ...process.env,
  HARDHAT_DISABLE_TELEMETRY: "true",
  LOCALHOST_URL: `http://127.0.0.1:${port}`,
  DEPLOYMENTS_DIR: dir,
  DEPLOYMENT_ID_PREFIX: prefix,
};
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
console.log(`Starting a devnet node on port ${port} ...`);
const node = await startNode(port, env);
let code = 0;
try {
  const phases: [string, string[], NodeJS.ProcessEnv][] = [
    ["deploy", ["run", "--no-compile", "scripts/deploy.ts", "--network", "localhost"], env],
    [
      "seed",
      ["run", "--no-compile", "scripts/devnet-steps.ts", "--network", "localhost"],
      { ...env, DEVNET_STEPS: "seed" },
    ],
    [
      "walkthrough",
      ["run", "--no-compile", "scripts/devnet-steps.ts", "--network", "localhost"],
      { ...env, DEVNET_STEPS: "walkthrough" },
    ],
  ];
  for (const [name, args, phaseEnv] of phases) {
    console.log(`\n::: ${name} (${seconds()})`);
    code = await hardhat(args, phaseEnv);
    if (code !== 0) {
      console.error(`Error: the walkthrough's ${name} phase failed (exit code ${code})`);
      break;
    }
  }
} finally {
  await node.stop();
  const journals = await readdir(path.join("deploy", "deployments")).catch(() => [] as string[]);
  for (const name of journals.filter((n) => n.startsWith(prefix))) {
    await rm(path.join("deploy", "deployments", name), { recursive: true, force: true });
  }
  await rm(dir, { recursive: true, force: true });
}
console.log(code === 0 ? `\nWalkthrough passed in ${seconds()}` : `\nWalkthrough failed after ${seconds()}`);
process.exitCode = code;
