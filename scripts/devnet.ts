/**
 * `npm run devnet`: starts a devnet node (`hardhat node --network devnet`, 60 accounts) on DEVNET_PORT (default 8545,
 * what `--network localhost` reaches), deploys the four presets (scripts/deploy.ts, address book
 * deployments/localhost.json), seeds it (scripts/lib/walkthrough.ts: funded users per preset, devnet prices, a
 * supplied stable vault, a registered portal, a listed model, escrow), prints the table of accounts, roles and
 * balances, and keeps the node running until Ctrl-C.
 */
import { hardhat, startNode } from "./lib/devnet-node.js";
import { envInteger, main } from "./lib/cli.js";

await main(async () => {
  const port = Number(envInteger("DEVNET_PORT", 8545n, 1n, 65_535n));
  const env = { ...process.env, HARDHAT_DISABLE_TELEMETRY: "true", LOCALHOST_URL: `http://127.0.0.1:${port}` };
  console.log(`Starting a devnet node on port ${port} ...`);
  const node = await startNode(port, env);
  const stop = () => void node.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const network = ["--network", "localhost"];
  if ((await hardhat(["run", "--no-compile", "scripts/deploy.ts", ...network], env)) !== 0) {
    await node.stop();
    process.exitCode = 1;
    return;
  }
  const seeded = await hardhat(["run", "--no-compile", "scripts/devnet-steps.ts", ...network], {
    ...env,
    DEVNET_STEPS: "seed",
  });
  if (seeded !== 0) {
    await node.stop();
    process.exitCode = 1;
    return;
  }
  console.log(`\nThe devnet runs on ${node.url} (--network localhost); Ctrl-C stops it.`);
  await new Promise(() => {});
});
