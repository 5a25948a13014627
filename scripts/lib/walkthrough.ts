/**
 * The local devnet's accounts and the commands that seed it and walk through it. One list, used by everything:
 * `npm run devnet` runs SEED, `npm run walkthrough` runs SEED then WALKTHROUGH, and the README's "Local walkthrough"
 * section is checked against WALKTHROUGH (test/integration/Walkthrough.ts), so the README's commands are the ones that
 * run. Accounts are indices of the devnet node (`hardhat node --network devnet`, 60 accounts of Hardhat's default
 * test mnemonic); each preset's users have their own range, so no documented user account serves two presets.
 * The presets' named protocol accounts (treasury-side allocations and operators) are accounts 10 onwards in every
 * preset, so they are shared on purpose: see `namedAccounts`.
 */
import { HDNodeWallet, Mnemonic } from "ethers";

import { presetAccounts, type SystemId, type SystemPreset } from "../../presets/types/preset.js";

/** Hardhat's default test mnemonic (the node's accounts; public, devnet only). */
const MNEMONIC = "test test test test test test test test test test test junk";
const mnemonic = Mnemonic.fromPhrase(MNEMONIC);

/** The address of devnet account `index`. */
export function devnetAddress(index: number): string {
  return HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${index}`).address;
}

/** The first devnet account of the named protocol accounts, in every preset (`devnetInputs` in presets.ts). */
export const NAMED_FIRST = 10;

/**
 * A preset's named protocol accounts on a devnet: `presetAccounts` order from account 10. Every preset starts at 10,
 * so account 10 is QUIVer's `team`, Qerun's `communityFund`, QRY's `distributionRegistrar` and Qutoken's `team`: each
 * preset is its own deployment with its own token, a named account holds a different token in each, and tasks pick it
 * by name with `--preset`. Starting every preset at 10 keeps each deployable on a default 20-account Hardhat network
 * (in-process, `hardhat node`, a project installing the package); users (`USERS`) never take one of these accounts.
 */
export function namedAccounts(preset: SystemPreset): { index: number; name: string }[] {
  return presetAccounts(preset).map((name, i) => ({ index: NAMED_FIRST + i, name }));
}

/** The README's table of named accounts: one row per account index, one column per preset. */
export function namedAccountsMarkdown(presets: SystemPreset[]): string {
  const columns = presets.map((p) => new Map(namedAccounts(p).map((a) => [a.index, a.name])));
  const last = Math.max(...presets.map((p) => NAMED_FIRST + presetAccounts(p).length - 1));
  const rows = [`| account | ${presets.map((p) => p.name).join(" | ")} |`, `|${" --- |".repeat(presets.length + 1)}`];
  for (let index = NAMED_FIRST; index <= last; index++) {
    const cells = columns.map((c) => (c.has(index) ? `\`${c.get(index)}\`` : ""));
    rows.push(`| ${index} | ${cells.join(" | ")} |`);
  }
  return rows.join("\n");
}

/** A user of the devnet: its account index, its preset and what it does. */
export interface DevnetUser {
  index: number;
  preset: SystemId;
  role: string;
}

/** Every documented user account, by name; ranges per preset: QUIVer 30-35, Qerun 40-42, QRY 45-49, Qutoken 50-51. */
export const USERS = {
  provider: { index: 30, preset: "quiver", role: "provider (staked, serves llama-3-8b-instruct)" },
  consumer: { index: 31, preset: "quiver", role: "consumer (escrow in the market)" },
  validator1: { index: 32, preset: "quiver", role: "challenge-court validator" },
  validator2: { index: 33, preset: "quiver", role: "challenge-court validator" },
  validator3: { index: 34, preset: "quiver", role: "challenge-court validator" },
  voter: { index: 35, preset: "quiver", role: "token holder (proposes and votes)" },
  borrower: { index: 40, preset: "qerun", role: "borrower (liquid QER)" },
  lender: { index: 41, preset: "qerun", role: "lender (supplied the stable vault)" },
  liquidator: { index: 42, preset: "qerun", role: "liquidator (USDC from the faucet)" },
  portal: { index: 45, preset: "qry", role: "portal (DISTRIBUTION_PORTAL, bonded)" },
  integrator: { index: 46, preset: "qry", role: "integrator (bonded)" },
  client: { index: 47, preset: "qry", role: "client" },
  gateway: { index: 48, preset: "qry", role: "gateway (DISTRIBUTION_GATEWAY)" },
  qryProvider: { index: 49, preset: "qry", role: "provider (bonded) and consensus validator" },
  issuer: { index: 50, preset: "qutoken", role: "issuer (liquid QUT)" },
  customer: { index: 51, preset: "qutoken", role: "customer" },
} as const satisfies Record<string, DevnetUser>;

/** The accounts the devnet node has (hardhat.config.ts, network `devnet`). */
export const DEVNET_ACCOUNTS = 60;

const a = (user: keyof typeof USERS) => devnetAddress(USERS[user].index);
const i = (user: keyof typeof USERS) => String(USERS[user].index);
const VOUCHER = "/tmp/quiver-voucher.json";

/** One step: a comment and the command as a user types it. */
export interface Step {
  say: string;
  cmd: string;
}

const hh = (args: string) => `npx hardhat ${args} --network localhost`;

/**
 * Seeding after the deploy: liquid tokens for every user, devnet prices, a supplied stable vault, a registered and
 * bonded portal, a listed model with escrow, court validators. QRY has no liquid token before its first epoch closes:
 * its seed records blocks by its validator, lets the epoch end and claims the consensus rewards, which fund the rest.
 */
export const SEED: Step[] = [
  { say: "the TGE is a minute after the deploy", cmd: hh("time --forward 5m") },
  // QRY first: it moves the clock by an epoch (the lending prices are set last, so they are fresh).
  {
    say: "QRY: the registrar appoints itself consensus reporter",
    cmd: hh(
      `grant-role --role DISTRIBUTION_CONSENSUS_REPORTER --to distributionRegistrar --from distributionRegistrar --preset qry`,
    ),
  },
  {
    say: "QRY: a validator and its blocks",
    cmd: hh(`record-blocks --validator ${a("qryProvider")} --blocks 1000 --from distributionRegistrar`),
  },
  { say: "QRY: the epoch ends", cmd: hh("time --forward 30d") },
  { say: "QRY: issuance released, the epoch closed", cmd: hh("close-epoch") },
  { say: "QRY: the validator claims the first QRY", cmd: hh(`claim --pool consensus --from ${i("qryProvider")}`) },
  ...(["portal", "integrator"] as const).map((u) => ({
    say: `QRY: fund the ${u}`,
    cmd: hh(`transfer --to ${a(u)} --amount 11200 --from ${i("qryProvider")} --preset qry`),
  })),
  // Provider, integrator and portal identities qualify on their own stake locked through each epoch's claim window
  // (120 days and more): they lock for a year.
  ...(["portal", "integrator"] as const).map((u) => ({
    say: `QRY: the ${u} bonds its identity, locked for a year`,
    cmd: hh(`stake --amount 10000 --lock-days 365 --from ${i(u)} --preset qry`),
  })),
  {
    say: "QRY: the qryProvider bonds its identity, locked for a year",
    cmd: hh(`stake --amount 10000 --lock-days 365 --from ${i("qryProvider")} --preset qry`),
  },
  {
    say: "QRY: the integrator registers (a sale names registered integrators)",
    cmd: hh(`register-integrator --from ${i("integrator")}`),
  },
  {
    say: "QRY: the registrar appoints the portal",
    cmd: hh(`grant-role --role DISTRIBUTION_PORTAL --to ${a("portal")} --from distributionRegistrar`),
  },
  {
    say: "QRY: the registrar appoints the gateway",
    cmd: hh(`grant-role --role DISTRIBUTION_GATEWAY --to ${a("gateway")} --from distributionRegistrar`),
  },
  // QUIVer
  ...(
    [
      ["provider", "30000"],
      ["consumer", "5000"],
      ["validator1", "10000"],
      ["validator2", "10000"],
      ["validator3", "10000"],
      ["voter", "45000000"],
    ] as const
  ).map(([u, amount]) => ({
    say: `QUIVer: fund the ${u}`,
    cmd: hh(`transfer --to ${a(u)} --amount ${amount} --from liquidity`),
  })),
  { say: "QUIVer: the provider registers", cmd: hh(`stake --amount 20000 --from ${i("provider")}`) },
  {
    say: "QUIVer: the provider lists a model",
    cmd: hh(`list-model --model llama-3-8b-instruct --complexity small --from ${i("provider")}`),
  },
  { say: "QUIVer: the consumer's escrow", cmd: hh(`deposit-escrow --amount 1000 --from ${i("consumer")}`) },
  ...(["validator1", "validator2", "validator3"] as const).map((u) => ({
    say: `QUIVer: ${u} joins the court`,
    cmd: hh(`register-validator --from ${i(u)}`),
  })),
  { say: "QUIVer: the voter's votes", cmd: hh(`delegate-votes --from ${i("voter")}`) },
  // Qutoken
  {
    say: "Qutoken: fund the issuer",
    cmd: hh(`transfer --to ${a("issuer")} --amount 60000 --from operations --preset qutoken`),
  },
  // Qerun
  { say: "Qerun: the community fund's launch unlock", cmd: hh("release --from communityFund --preset qerun") },
  {
    say: "Qerun: fund the borrower",
    cmd: hh(`transfer --to ${a("borrower")} --amount 20000 --from communityFund --preset qerun`),
  },
  { say: "Qerun: USDC for the lender", cmd: hh(`faucet --to ${a("lender")} --amount 100000`) },
  { say: "Qerun: the lender supplies the vault", cmd: hh(`supply-vault --amount 100000 --from ${i("lender")}`) },
  { say: "Qerun: USDC for the liquidator", cmd: hh(`faucet --to ${a("liquidator")} --amount 5000`) },
  { say: "Qerun: devnet prices", cmd: hh("set-price --asset qer --usd 2") },
  { say: "Qerun: devnet prices", cmd: hh("set-price --asset eth --usd 2000") },
];

/** The README's "Local walkthrough": one full lifecycle per preset, on the seeded devnet. */
export const WALKTHROUGH: Step[] = [
  // Qerun: borrow, price drop, liquidate, repay.
  {
    say: "Qerun: borrow 10,000 USDC against 10,000 QER",
    cmd: hh(`borrow --collateral 10000 --amount 10000 --from ${i("borrower")}`),
  },
  { say: "Qerun: QER falls from $2 to $1", cmd: hh("set-price --asset qer --usd 1") },
  {
    say: "Qerun: a liquidator repays 2,000 USDC",
    cmd: hh(`liquidate --account ${a("borrower")} --amount 2000 --from ${i("liquidator")}`),
  },
  { say: "Qerun: USDC for the borrower", cmd: hh(`faucet --to ${a("borrower")} --amount 4000`) },
  { say: "Qerun: the borrower repays in full", cmd: hh(`repay --amount all --from ${i("borrower")}`) },
  // Qutoken: stake, create, mint, redeem, fulfil.
  { say: "Qutoken: the issuer stakes", cmd: hh(`issuer-stake --amount 50000 --from ${i("issuer")}`) },
  {
    say: "Qutoken: the issuer creates a token",
    cmd: hh(
      `create-issuer-token --name "Acme Coffee" --symbol ACME --cap 1000000 --terms-uri ipfs://acme-terms --from ${i("issuer")}`,
    ),
  },
  {
    say: "Qutoken: the issuer mints",
    cmd: hh(`issuer-mint --token ACME --to ${a("customer")} --amount 1000 --from ${i("issuer")}`),
  },
  {
    say: "Qutoken: the customer redeems",
    cmd: hh(`redeem --token ACME --amount 100 --ref "order 1" --from ${i("customer")}`),
  },
  { say: "Qutoken: the issuer fulfils", cmd: hh(`fulfil --token ACME --redemption 1 --from ${i("issuer")}`) },
  // QRY: subscribe, report, close, claim.
  {
    say: "QRY: the portal sells a subscription",
    cmd: hh(
      `subscribe --client ${a("client")} --integrator ${a("integrator")} --monthly 100 --epochs 12 --from ${i("portal")}`,
    ),
  },
  {
    say: "QRY: the gateway reports calls",
    cmd: hh(`report-calls --subscription 1 --provider ${a("qryProvider")} --calls 5000 --from ${i("gateway")}`),
  },
  { say: "QRY: the epoch ends", cmd: hh("time --forward 30d") },
  { say: "QRY: it closes", cmd: hh("close-epoch") },
  { say: "QRY: the provider claims", cmd: hh(`claim --pool query-fulfillment --from ${i("qryProvider")}`) },
  // QUIVer: stake, serve, settle, challenge, vote, execute.
  { say: "QUIVer: the provider stakes more", cmd: hh(`stake --amount 5000 --from ${i("provider")}`) },
  {
    say: "QUIVer: the consumer signs a voucher",
    cmd: hh(
      `sign-voucher --provider ${a("provider")} --model llama-3-8b-instruct --amount 100 --tokens 100000 --out ${VOUCHER} --from ${i("consumer")}`,
    ),
  },
  { say: "QUIVer: the provider settles it", cmd: hh(`settle --voucher ${VOUCHER} --from ${i("provider")}`) },
  {
    say: "QUIVer: the consumer challenges",
    cmd: hh(`challenge --subject latest --class major --bps 1000 --from ${i("consumer")}`),
  },
  ...(["validator1", "validator2", "validator3"] as const).map((u) => ({
    say: `QUIVer: ${u} votes to uphold`,
    cmd: hh(`court-vote --challenge 1 --uphold true --from ${i(u)}`),
  })),
  { say: "QUIVer: the vote ends", cmd: hh("time --forward 3d") },
  { say: "QUIVer: the court decides", cmd: hh("decide --challenge 1") },
  {
    say: "QUIVer: a treasury grant",
    cmd: hh(`propose --description "Grant 1,000 QUIV" --grant-to ${a("consumer")} --amount 1000 --from ${i("voter")}`),
  },
  { say: "QUIVer: the 7-day discussion ends", cmd: hh("time --forward 8d") },
  { say: "QUIVer: the voter votes", cmd: hh(`vote --proposal latest --support for --from ${i("voter")}`) },
  { say: "QUIVer: the vote ends", cmd: hh("time --forward 14d") },
  { say: "QUIVer: queue", cmd: hh("queue --proposal latest") },
  { say: "QUIVer: the timelock delay", cmd: hh("time --forward 7d") },
  { say: "QUIVer: execute", cmd: hh("execute --proposal latest") },
  { say: "QUIVer: the deposit back", cmd: hh("settle-deposit --proposal latest") },
];

/** A command's words, as a POSIX shell splits them (double quotes only). */
export function words(cmd: string): string[] {
  return [...cmd.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** A command's task name and arguments (options in camelCase; a flag without a value is true). */
export function parseCommand(cmd: string): { name: string; args: Record<string, string | boolean> } {
  const w = words(cmd);
  if (w[0] !== "npx" || w[1] !== "hardhat") throw new Error(`not a hardhat command: ${cmd}`);
  const args: Record<string, string | boolean> = {};
  for (let k = 3; k < w.length; k++) {
    const key = w[k].replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = w[k + 1];
    if (value === undefined || value.startsWith("--")) {
      args[key] = true;
    } else {
      args[key] = value;
      k++;
    }
  }
  delete args.network;
  return { name: w[2], args };
}

/** The README's "Local walkthrough" block: each step's comment, then its command. */
export function markdown(steps: Step[]): string {
  return ["```sh", ...steps.flatMap((s) => [`# ${s.say}`, s.cmd]), "```"].join("\n");
}

/** The markers around the generated block in README.md. */
export const README_MARKERS = ["<!-- walkthrough:start -->", "<!-- walkthrough:end -->"] as const;
