/**
 * Deploys the presets to a network through their Ignition modules and writes the address book
 * `deployments/<network>.json` (contracts by name, per preset). Idempotent and resumable: each preset is one Ignition
 * deployment (`<network>-<system>`) with its journal under deploy/deployments/.
 *
 *   npm run deploy -- --network localhost        (a `hardhat node` running on LOCALHOST_URL, default :8545)
 *   npm run deploy -- --network sepolia          (inputs from deploy/networks/sepolia.json, see docs/deploy.md)
 *   DEPLOY_DRY_RUN=1 npm run deploy -- --network sepolia    (validate, count transactions and gas; send nothing)
 *
 * Inputs are validated for every chosen preset before anything is written or sent; a mistake prints one line naming
 * the file and the field. A preset's inputs are saved in the book before its deployment starts; a rerun keeps them
 * once a transaction may have been sent for it, and reads them again while nothing has been sent (fix the file and
 * run again). PRESETS=quiver,qerun deploys a subset (default: all four). On a devnet (chain 31337) the named
 * accounts and guardian owners are the node's accounts (or DEPLOY_INPUTS=<file>) and lending's chain contracts are
 * deployed first (module DevnetExternals; on a testnet too with LENDING_STAND_INS=1 and LENDING_POOL_ETH=<ETH for the
 * pool>). DEPLOYMENTS_DIR moves the address book; DEPLOYMENT_ID_PREFIX prefixes the Ignition deployment ids.
 */
import { rm } from "node:fs/promises";
import path from "node:path";

import { formatEther, formatUnits } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { SYSTEMS, type SystemId } from "../presets/types/preset.js";
import { addressBookPath, readAddressBook, writeAddressBook, type AddressBook } from "./lib/address-book.js";
import { envChoices, main, UserError } from "./lib/cli.js";
import { journalSentTransactions, keepSavedInputs, readNetworkInputs } from "./lib/deploy-inputs.js";
import { deployLendingDevnetExternals } from "./lib/deploy.js";
import { followJournal, moduleFutures, ModuleProgress } from "./lib/deploy-progress.js";
import {
  deployPreset,
  devnetInputs,
  presetModule,
  PRESETS,
  type DevnetExternals,
  type PresetInputs,
} from "./lib/presets.js";

/** Transactions and gas of deploying `systems` with `inputs`, measured on a fresh in-process chain. */
async function estimate(
  systems: readonly SystemId[],
  inputs: Partial<Record<SystemId, PresetInputs>>,
  standIns: boolean,
): Promise<{ transactions: number; gas: bigint; perPreset: Record<string, [number, bigint]> }> {
  const sim: NetworkConnection = await network.create("default");
  const provider = sim.ethers.provider;
  const count = async (from: number) => {
    let transactions = 0;
    let gas = 0n;
    const to = await provider.getBlockNumber();
    for (let n = from + 1; n <= to; n++) {
      const block = (await provider.getBlock(n))!;
      transactions += block.transactions.length;
      gas += block.gasUsed;
    }
    return [transactions, gas] as [number, bigint];
  };
  const perPreset: Record<string, [number, bigint]> = {};
  let ext: DevnetExternals | undefined;
  if (systems.some((s) => PRESETS[s].lending !== undefined)) {
    const before = await provider.getBlockNumber();
    ext = (await deployLendingDevnetExternals(sim)).addresses;
    if (standIns) perPreset["lending stand-ins"] = await count(before);
  }
  for (const system of systems) {
    const preset = PRESETS[system];
    const given = inputs[system]!;
    const simInputs = await devnetInputs(sim, preset, ext);
    // The target's own inputs, on the simulated chain: its lending stand-ins, its clock for the metrics start.
    const run: PresetInputs = { ...given, lending: simInputs.lending, metricsStart: simInputs.metricsStart };
    if (given.lending === undefined && preset.lending === undefined) delete run.lending;
    if (preset.slashing === undefined) delete run.metricsStart;
    const before = await provider.getBlockNumber();
    await deployPreset(sim, preset, run);
    perPreset[preset.name] = await count(before);
  }
  const all = Object.values(perPreset);
  return {
    transactions: all.reduce((s, [t]) => s + t, 0),
    gas: all.reduce((s, [, g]) => s + g, 0n),
    perPreset,
  };
}

await main(async () => {
  const started = Date.now();
  const connection = await network.create();
  const { ethers } = connection;
  const networkName = connection.networkName;
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const devnet = chainId === 31337;
  const dryRun = process.env.DEPLOY_DRY_RUN === "1";
  const prefix = process.env.DEPLOYMENT_ID_PREFIX ?? "";
  const deploymentId = (what: string) => `${prefix}${networkName}-${what}`;
  const journal = (id: string) => path.join("deploy", "deployments", id);
  const systems = envChoices("PRESETS", SYSTEMS);
  const standIns = devnet || process.env.LENDING_STAND_INS === "1";
  const needsLending = systems.some((s) => PRESETS[s].lending !== undefined);
  const poolEth = process.env.LENDING_POOL_ETH;
  if (!devnet && standIns && needsLending && (poolEth === undefined || !/^\d+(\.\d+)?$/.test(poolEth))) {
    throw new UserError(
      "LENDING_STAND_INS=1 needs LENDING_POOL_ETH: the ETH that seeds the stablecoin/WETH pool, e.g. 10",
    );
  }

  let book: AddressBook = (await readAddressBook(networkName)) ?? { network: networkName, chainId, presets: {} };
  if (book.chainId !== chainId) {
    throw new UserError(
      `${addressBookPath(networkName)} is for chain ${book.chainId}, the network is chain ${chainId}`,
    );
  }

  // A devnet node forgets everything when it restarts: a book (and journals) from an earlier instance are stale.
  let devnetInstance: string | undefined;
  let staleDevnet = false;
  if (devnet) {
    devnetInstance = ((await ethers.provider.send("hardhat_metadata", [])) as { instanceId: string }).instanceId;
    staleDevnet = book.devnetInstance !== devnetInstance;
    if (staleDevnet) book = { network: networkName, chainId, presets: {} };
  }

  // Every preset's inputs, validated before anything is written or sent.
  const sent: Partial<Record<SystemId, boolean>> = {};
  for (const system of systems) {
    const previous = book.presets[system];
    sent[system] = previous !== undefined && (await journalSentTransactions(journal(previous.deploymentId)));
  }
  const fresh = systems.filter((s) => !keepSavedInputs(book.presets[s], sent[s]!));
  const latest = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const fromFile = !devnet || process.env.DEPLOY_INPUTS !== undefined;
  const reading =
    fromFile && fresh.length > 0
      ? await readNetworkInputs(networkName, fresh, { latest, standIns, file: process.env.DEPLOY_INPUTS })
      : { inputs: {}, warnings: [] };
  for (const warning of reading.warnings) console.warn(warning);
  for (const system of systems.filter((s) => !fresh.includes(s))) {
    console.log(`${PRESETS[system].name}: keeping the inputs saved in ${addressBookPath(networkName)}`);
  }

  if (dryRun) {
    const inputs: Partial<Record<SystemId, PresetInputs>> = {};
    for (const system of systems) {
      inputs[system] =
        book.presets[system] !== undefined && !fresh.includes(system)
          ? book.presets[system]!.inputs
          : (reading.inputs[system] ?? (await devnetInputs(connection, PRESETS[system])));
    }
    console.log(`Dry run: inputs valid for ${systems.join(", ")}; simulating the deployment in-process ...`);
    const e = await estimate(systems, inputs, standIns);
    for (const [what, [transactions, gas]] of Object.entries(e.perPreset)) {
      console.log(`  ${what}: ${transactions} transactions, ${gas.toLocaleString("en-US")} gas`);
    }
    const fees = await ethers.provider.getFeeData();
    const price = fees.maxFeePerGas ?? fees.gasPrice;
    console.log(
      `Dry run: ${e.transactions} transactions, ${e.gas.toLocaleString("en-US")} gas` +
        (price === null
          ? ""
          : ` (at ${formatUnits(price, "gwei")} gwei on ${networkName}: ${formatEther(e.gas * price)} ETH)`) +
        `; nothing sent, nothing written`,
    );
    return;
  }

  // From here on, files are written and transactions sent.
  if (devnet) {
    if (staleDevnet) {
      const old = await readAddressBook(networkName);
      if (old !== undefined && old.devnetInstance !== undefined) {
        console.log(`The devnet node restarted since ${addressBookPath(networkName)} was written: deploying afresh.`);
      }
      for (const entry of Object.values(old?.presets ?? {})) {
        if (entry !== undefined) await rm(journal(entry.deploymentId), { recursive: true, force: true });
      }
      for (const system of systems) await rm(journal(deploymentId(system)), { recursive: true, force: true });
      await rm(journal(deploymentId("devnet")), { recursive: true, force: true });
    }
    book.devnetInstance = devnetInstance;
  }
  const [deployer] = await ethers.getSigners();
  const nonceBefore = await ethers.provider.getTransactionCount(deployer.address);

  // Lending needs a stablecoin, price feeds and a Uniswap V2 router. A devnet gets stand-ins; a testnet may too
  // (LENDING_STAND_INS=1, pool seeded with LENDING_POOL_ETH of the deployer's ETH), or name the chain's own.
  let externals: DevnetExternals | undefined;
  if (standIns && needsLending) {
    console.log("Lending stand-ins: Uniswap V2 from npm, a faucet stablecoin and price feeds (DevnetExternals) ...");
    externals = (
      await deployLendingDevnetExternals(connection, {
        deploymentId: deploymentId("devnet"),
        ...(poolEth === undefined ? {} : { poolEth: ethers.parseEther(poolEth) }),
      })
    ).addresses;
    book.externals = externals;
    await writeAddressBook(book);
  }

  for (const system of systems) {
    const preset = PRESETS[system];
    const previous = book.presets[system];
    let inputs: PresetInputs;
    if (previous !== undefined && !fresh.includes(system)) {
      inputs = previous.inputs;
    } else {
      if (previous !== undefined) await rm(journal(previous.deploymentId), { recursive: true, force: true });
      const read = reading.inputs[system];
      inputs = read === undefined ? await devnetInputs(connection, preset, externals) : { ...read };
      if (preset.lending !== undefined && inputs.lending === undefined && externals !== undefined) {
        const { stable, qerFeed, ethFeed, router } = externals;
        inputs.lending = { stable, qerFeed, ethFeed, router };
      }
    }
    const id = previous?.deploymentId ?? deploymentId(system);
    book.presets[system] = { deploymentId: id, complete: false, inputs, contracts: previous?.contracts ?? {} };
    await writeAddressBook(book);
    const t0 = Date.now();
    console.log(`${preset.name}: Ignition deployment ${id} ...`);
    // A terminal gets Ignition's own display; otherwise one line per module as its last step completes (read from
    // Ignition's journal, which every network but the in-process simulation keeps).
    const displayUi = process.stdout.isTTY === true;
    const progress = new ModuleProgress(moduleFutures(presetModule(preset)), (line) => console.log(line));
    const watch = displayUi ? undefined : followJournal(path.join(journal(id), "journal.jsonl"), progress);
    let contracts: Awaited<ReturnType<typeof deployPreset>>;
    try {
      contracts = await deployPreset(connection, preset, inputs, { deploymentId: id, displayUi });
    } finally {
      await watch?.stop();
    }
    book.presets[system] = { deploymentId: id, complete: true, inputs, contracts };
    const file = await writeAddressBook(book);
    console.log(
      `  ${Object.keys(contracts).length} contracts in ${((Date.now() - t0) / 1000).toFixed(1)} s, ` +
        `token ${contracts.token}, governor ${contracts.governor}; written to ${file}`,
    );
  }
  const sentNow = (await ethers.provider.getTransactionCount(deployer.address)) - nonceBefore;
  console.log(
    `Done: ${sentNow} transactions from ${deployer.address} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
});
