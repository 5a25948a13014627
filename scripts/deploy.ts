/**
 * Deploys the presets to a network through their Ignition modules and writes the address book
 * `deployments/<network>.json` (contracts by name, per preset). Idempotent and resumable: each preset is one Ignition
 * deployment (`<network>-<system>`) with its journal under deploy/deployments/; its inputs are saved in the book
 * before it starts, so a rerun uses the same ones, sends nothing for what is done and resumes what is not.
 *
 *   npm run deploy -- --network localhost        (a `hardhat node` running on LOCALHOST_URL, default :8545)
 *   npm run deploy -- --network sepolia          (inputs from deploy/networks/sepolia.json, see docs/deploy.md)
 *
 * PRESETS=quiver,qerun deploys a subset (default: all four). On a devnet (chain 31337) the named accounts and
 * guardian owners are the node's accounts and lending's chain contracts are deployed first (module DevnetExternals;
 * on a testnet too with LENDING_STAND_INS=1 and LENDING_POOL_ETH=<ETH for the pool>). DEPLOYMENTS_DIR moves the
 * address book; DEPLOYMENT_ID_PREFIX prefixes the Ignition deployment ids.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { network } from "hardhat";

import { SYSTEMS, type SystemId } from "../presets/types/preset.js";
import { readAddressBook, writeAddressBook, type AddressBook } from "./lib/address-book.js";
import { deployLendingDevnetExternals } from "./lib/deploy.js";
import { deployPreset, devnetInputs, PRESETS, type PresetInputs } from "./lib/presets.js";

const connection = await network.create();
const { ethers } = connection;
const networkName = connection.networkName;
const chainId = Number((await ethers.provider.getNetwork()).chainId);
const devnet = chainId === 31337;
const prefix = process.env.DEPLOYMENT_ID_PREFIX ?? "";
const deploymentId = (what: string) => `${prefix}${networkName}-${what}`;
const journal = (id: string) => path.join("deploy", "deployments", id);

const systems = (process.env.PRESETS ?? SYSTEMS.join(",")).split(",").map((s) => s.trim()) as SystemId[];
for (const system of systems) {
  if (!SYSTEMS.includes(system)) throw new Error(`PRESETS: "${system}" is not one of ${SYSTEMS.join(", ")}`);
}

let book: AddressBook = (await readAddressBook(networkName)) ?? { network: networkName, chainId, presets: {} };
if (book.chainId !== chainId) {
  throw new Error(`deployments/${networkName}.json is for chain ${book.chainId}, the network is chain ${chainId}`);
}

// A devnet node forgets everything when it restarts: a book (and journals) from an earlier instance are stale.
if (devnet) {
  const { instanceId } = (await ethers.provider.send("hardhat_metadata", [])) as { instanceId: string };
  if (book.devnetInstance !== undefined && book.devnetInstance !== instanceId) {
    console.log(`The devnet node restarted since deployments/${networkName}.json was written: deploying afresh.`);
    for (const entry of Object.values(book.presets)) {
      if (entry !== undefined) await rm(journal(entry.deploymentId), { recursive: true, force: true });
    }
    await rm(journal(deploymentId("devnet")), { recursive: true, force: true });
    book = { network: networkName, chainId, presets: {} };
  } else if (book.devnetInstance === undefined) {
    // No book for this node: journals left by an earlier node would claim contracts that are not there.
    for (const system of systems) await rm(journal(deploymentId(system)), { recursive: true, force: true });
    await rm(journal(deploymentId("devnet")), { recursive: true, force: true });
  }
  book.devnetInstance = instanceId;
}

// Lending needs a stablecoin, price feeds and a Uniswap V2 router. A devnet gets stand-ins; a testnet may too
// (LENDING_STAND_INS=1, pool seeded with LENDING_POOL_ETH of the deployer's ETH), or name the chain's own in its
// inputs file.
let externals: Awaited<ReturnType<typeof deployLendingDevnetExternals>>["addresses"] | undefined;
const standIns = devnet || process.env.LENDING_STAND_INS === "1";
if (standIns && systems.some((s) => PRESETS[s].lending !== undefined)) {
  console.log(
    "Lending stand-ins: Uniswap V2 from npm, a faucet stablecoin and price feeds (module DevnetExternals) ...",
  );
  const poolEth = process.env.LENDING_POOL_ETH;
  if (!devnet && (poolEth === undefined || !/^\d+(\.\d+)?$/.test(poolEth))) {
    throw new Error("LENDING_STAND_INS=1 needs LENDING_POOL_ETH: the ETH that seeds the stablecoin/WETH pool, e.g. 10");
  }
  externals = (
    await deployLendingDevnetExternals(connection, {
      deploymentId: deploymentId("devnet"),
      ...(poolEth === undefined ? {} : { poolEth: ethers.parseEther(poolEth) }),
    })
  ).addresses;
  book.externals = externals;
  await writeAddressBook(book);
}

/** A public network's inputs: deploy/networks/<network>.json, `{ "<system>": { start, accounts, ... } }`. */
async function networkInputs(system: SystemId): Promise<PresetInputs> {
  const file = path.join("deploy", "networks", `${networkName}.json`);
  let all: Record<string, PresetInputs & { start: string }>;
  try {
    all = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(
      `${file}: ${(error as Error).message} (see deploy/networks/sepolia.example.json and docs/deploy.md)`,
    );
  }
  const raw = all[system];
  if (raw === undefined) throw new Error(`${file} has no "${system}" entry`);
  if (typeof raw.start !== "string" || !/^\d+$/.test(raw.start)) {
    throw new Error(`${file}: ${system}.start must be a unix time in seconds, as a string`);
  }
  const inputs: PresetInputs = { ...raw, start: BigInt(raw.start) };
  if (PRESETS[system].slashing !== undefined) {
    // Metrics epochs must start by the deployment: at the TGE, or now if the TGE is still ahead (saved in the book).
    const given = (raw as { metricsStart?: unknown }).metricsStart;
    if (given !== undefined && (typeof given !== "string" || !/^\d+$/.test(given))) {
      throw new Error(`${file}: ${system}.metricsStart must be a unix time in seconds, as a string`);
    }
    const latest = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
    inputs.metricsStart = given === undefined ? (inputs.start < latest ? inputs.start : latest) : BigInt(given);
  }
  if (PRESETS[system].lending !== undefined && inputs.lending === undefined && externals !== undefined) {
    inputs.lending = {
      stable: externals.stable,
      qerFeed: externals.qerFeed,
      ethFeed: externals.ethFeed,
      router: externals.router,
    };
  }
  return inputs;
}

for (const system of systems) {
  const preset = PRESETS[system];
  const previous = book.presets[system];
  const inputs =
    previous?.inputs ?? (devnet ? await devnetInputs(connection, preset, externals) : await networkInputs(system));
  const id = previous?.deploymentId ?? deploymentId(system);
  book.presets[system] = { deploymentId: id, complete: false, inputs, contracts: previous?.contracts ?? {} };
  await writeAddressBook(book);
  console.log(`${preset.name}: Ignition deployment ${id} ...`);
  const contracts = await deployPreset(connection, preset, inputs, { deploymentId: id });
  book.presets[system] = { deploymentId: id, complete: true, inputs, contracts };
  const file = await writeAddressBook(book);
  console.log(`  ${Object.keys(contracts).length} contracts, token ${contracts.token}, governor ${contracts.governor}`);
  console.log(`  written to ${file}`);
}
