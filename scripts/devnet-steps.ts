/**
 * Runs a list of task commands (scripts/lib/walkthrough.ts) against a deployed devnet, in this process, exactly as
 * written: each command's task with its options (the `--network localhost` it ends with is this script's network).
 * `DEVNET_STEPS=seed` runs SEED and prints the accounts table; `DEVNET_STEPS=walkthrough` runs WALKTHROUGH. Stops
 * at the first failure (exit code 1). Started by scripts/devnet.ts and scripts/walkthrough.ts:
 *
 *   DEVNET_STEPS=seed hardhat run --no-compile scripts/devnet-steps.ts --network localhost
 */
import { formatUnits } from "ethers";
import hre from "hardhat";

import { SYSTEMS } from "../presets/types/preset.js";
import { addressBookPath, readAddressBook } from "./lib/address-book.js";
import { envChoice, main, UserError } from "./lib/cli.js";
import { PRESETS } from "./lib/presets.js";
import { devnetAddress, namedAccounts, parseCommand, SEED, USERS, WALKTHROUGH, type Step } from "./lib/walkthrough.js";

async function run(steps: Step[]): Promise<void> {
  for (const [n, step] of steps.entries()) {
    console.log(`\n[${n + 1}/${steps.length}] ${step.say}\n$ ${step.cmd}`);
    const { name, args } = parseCommand(step.cmd);
    const result = (await hre.tasks.getTask(name).run(args)) as { success: boolean } | undefined;
    if (result !== undefined && result.success === false) throw new UserError(`step ${n + 1} failed: ${step.cmd}`);
  }
}

/** An amount with thousands separators and at most two decimals (rounded down). */
function show(value: bigint, decimals: number): string {
  return Number(formatUnits(value, decimals)).toLocaleString("en-US", {
    maximumFractionDigits: 2,
    roundingMode: "trunc",
  } as Intl.NumberFormatOptions);
}

/** The table of the seeded accounts: per preset, each user's account, role and balances. */
async function table(): Promise<void> {
  const connection = await hre.network.create();
  const book = await readAddressBook(connection.networkName);
  if (book === undefined) throw new UserError(`no address book ${addressBookPath(connection.networkName)}`);
  const { ethers } = connection;
  const stable = book.externals?.stable;
  for (const system of SYSTEMS) {
    const entry = book.presets[system];
    if (entry === undefined) continue;
    const token = await ethers.getContractAt("ProtocolToken", entry.contracts.token);
    const symbol = await token.symbol();
    const usdc = entry.inputs.lending === undefined ? undefined : await ethers.getContractAt("MockStablecoin", stable!);
    console.log(`\n${PRESETS[system].name} (token ${entry.contracts.token})`);
    console.log(
      `  account  address                                     ${symbol.padEnd(14)} ${usdc ? "USDC".padEnd(12) : ""}role`,
    );
    const row = async (index: number, role: string) => {
      const address = devnetAddress(index);
      const balance = show(await token.balanceOf(address), 18);
      const dollars = usdc ? show(await usdc.balanceOf(address), 6).padEnd(12) + " " : "";
      console.log(`  ${String(index).padEnd(8)} ${address}  ${balance.padEnd(14)} ${dollars}${role}`);
    };
    for (const [name, user] of Object.entries(USERS)) {
      if (user.preset === system) await row(user.index, `${name}: ${user.role}`);
    }
    // The named protocol accounts: every preset's start at account 10, so each is shared with the other presets.
    for (const { index, name } of namedAccounts(PRESETS[system])) {
      const others = SYSTEMS.filter((s) => s !== system && book.presets[s] !== undefined).flatMap((s) =>
        namedAccounts(PRESETS[s])
          .filter((a) => a.index === index)
          .map((a) => `${PRESETS[s].name} ${a.name}`),
      );
      await row(index, `named: ${name}${others.length === 0 ? "" : ` (shared: also ${others.join(", ")})`}`);
    }
  }
  console.log(
    "\nSigners: --from <account> (or a named account: --from liquidity --preset quiver). The named accounts are" +
      "\naccounts 10 onwards in every preset (one deployment and token each), so they are shared across presets;" +
      "\nthe users above are not. The deployer (--from 0) owns the devnet price feeds.",
  );
}

await main(async () => {
  const which = envChoice("DEVNET_STEPS", ["seed", "walkthrough", "table"], "seed");
  if (which === "seed") await run(SEED);
  if (which === "walkthrough") await run(WALKTHROUGH);
  if (which !== "walkthrough") await table();
});
