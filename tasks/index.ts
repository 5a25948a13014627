/**
 * Hardhat tasks for the common actions on a deployed preset (the config's `tasks`). Each reads the network's address
 * book (deployments/<network>.json, from `npm run deploy`), takes amounts in human units (`--amount 10000` is 10,000
 * tokens, parsed with the token's decimals), signs with `--from` (an account index or address, default 0), and prints
 * what happened or `Error: <why>` with custom errors decoded. Examples (docs/deploy.md has more):
 *
 *   npx hardhat stake --amount 10000 --network localhost
 *   npx hardhat vote --proposal 1234... --support for --network localhost
 *   npx hardhat borrow --collateral 2000 --amount 1000 --preset qerun --network localhost
 *
 * To add one: tasks/<name>.ts exporting `action(...)`, and an entry below.
 */
import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

const PRESET = "The preset: quiver, qerun, qry or qutoken";
const FROM = "Signer: an account index or address of the network";

export const TASKS = [
  task("stake", "Self-stake as a provider (the first stake registers)")
    .addOption({ name: "amount", description: "Tokens to stake, e.g. 10000", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./stake.js"))
    .build(),
  task("delegate", "Delegate stake to an active provider")
    .addOption({ name: "provider", description: "The provider's address", defaultValue: "" })
    .addOption({ name: "amount", description: "Tokens to delegate, e.g. 5000", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./delegate.js"))
    .build(),
  task("delegate-votes", "Delegate your token votes (to yourself by default)")
    .addOption({ name: "to", description: "Delegatee address (default: the signer)", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./delegate-votes.js"))
    .build(),
  task("unbond", "Start unbonding stake (self-stake or delegation)")
    .addOption({ name: "amount", description: "Tokens to unbond, e.g. 2500", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./unbond.js"))
    .build(),
  task("propose", "Propose a treasury grant (--grant-to, --amount) or a parameter change (--parameter, --value)")
    .addOption({ name: "description", description: "The proposal's description", defaultValue: "" })
    .addOption({ name: "grantTo", description: "Grant recipient", defaultValue: "" })
    .addOption({ name: "amount", description: "Grant, in tokens", defaultValue: "" })
    .addOption({
      name: "parameter",
      description: "<contract>:<key>, e.g. staking:staking.unbondingPeriod",
      defaultValue: "",
    })
    .addOption({
      name: "value",
      description: "New value, in the parameter's unit (wei, seconds, bps)",
      defaultValue: "",
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./propose.js"))
    .build(),
  task("vote", "Vote on an active proposal")
    .addOption({ name: "proposal", description: "Proposal id", type: ArgumentType.BIGINT, defaultValue: 0n })
    .addOption({ name: "support", description: "for, against or abstain", defaultValue: "for" })
    .addOption({ name: "reason", description: "Optional reason", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./vote.js"))
    .build(),
  task("borrow", "Borrow the stablecoin against QER (half buys ETH for the reserve)")
    .addOption({ name: "amount", description: "Stablecoin to draw, e.g. 1000", defaultValue: "" })
    .addOption({ name: "collateral", description: "QER to lock first (optional)", defaultValue: "" })
    .addOption({
      name: "minEth",
      description: "Least ETH the swapped half must buy, e.g. 0.25 (default: the reserve's oracle bound only)",
      defaultValue: "",
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./borrow.js"))
    .build(),
  task("repay", "Repay debt (yours or --account's); in full, the position's ETH returns")
    .addOption({ name: "amount", description: "Stablecoin to repay, or all", defaultValue: "all" })
    .addOption({ name: "account", description: "Whose debt (default: the signer)", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./repay.js"))
    .build(),
  task("liquidate", "Liquidate an unhealthy position")
    .addOption({ name: "account", description: "The position", defaultValue: "" })
    .addOption({ name: "amount", description: "Most debt to repay, in the stablecoin", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./liquidate.js"))
    .build(),
  task("issuer-stake", "Stake QUT as an issuer (verified status, resource slots)")
    .addOption({ name: "amount", description: "QUT to stake, e.g. 50000", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./issuer-stake.js"))
    .build(),
  task("create-issuer-token", "Create an issuer token (pays the creation fee in QUT)")
    .addOption({ name: "name", description: "Token name", defaultValue: "" })
    .addOption({ name: "symbol", description: "Token symbol", defaultValue: "" })
    .addOption({ name: "cap", description: "Cap, in tokens", defaultValue: "" })
    .addOption({ name: "termsUri", description: "Where the terms live (hashed on-chain)", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./create-issuer-token.js"))
    .build(),
  task("issuer-mint", "Mint an issuer token (its issuer or minter)")
    .addOption({ name: "token", description: "The issuer token", defaultValue: "" })
    .addOption({ name: "to", description: "Recipient", defaultValue: "" })
    .addOption({ name: "amount", description: "Tokens to mint", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./issuer-mint.js"))
    .build(),
  task("subscribe", "Sell a QRY subscription as a portal (pays monthly x epochs up front)")
    .addOption({ name: "client", description: "Who is served", defaultValue: "" })
    .addOption({ name: "integrator", description: "The application it serves", defaultValue: "" })
    .addOption({ name: "monthly", description: "Tokens per epoch (month), e.g. 100", defaultValue: "" })
    .addOption({ name: "epochs", description: "Epochs paid, e.g. 12", defaultValue: "1" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./subscribe.js"))
    .build(),
  task("claim", "Claim your share of a closed QRY epoch from a distribution pool")
    .addOption({
      name: "pool",
      description: "query-fulfillment, integrators, portals, availability, challenges or consensus",
      defaultValue: "",
    })
    .addOption({ name: "epoch", description: "The epoch (default: the last closed)", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim.js"))
    .build(),
  task("sign-voucher", "Sign a cumulative usage voucher as a consumer (for the provider to settle)")
    .addOption({ name: "provider", description: "The provider serving you", defaultValue: "" })
    .addOption({ name: "model", description: "Model name or 32-byte id", defaultValue: "" })
    .addOption({ name: "amount", description: "Cumulative list value of the channel, in tokens", defaultValue: "" })
    .addOption({ name: "tokens", description: "Cumulative generated tokens of the channel", defaultValue: "" })
    .addOption({ name: "priority", description: "Priority fee in bps (0, or the governed range)", defaultValue: "0" })
    .addFlag({ name: "batch", description: "A batch channel (discounted, no priority)" })
    .addOption({ name: "validFor", description: "Hours the voucher stays valid", defaultValue: "24" })
    .addOption({ name: "out", description: "File to write (default: print the JSON)", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./sign-voucher.js"))
    .build(),
  task("settle", "Settle a consumer-signed voucher as its provider")
    .addOption({ name: "voucher", description: "Voucher file (from sign-voucher) or its JSON", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./settle.js"))
    .build(),
  task("redeem", "Redeem issuer tokens (burned, recorded for the issuer)")
    .addOption({ name: "token", description: "The issuer token", defaultValue: "" })
    .addOption({ name: "amount", description: "Tokens to redeem", defaultValue: "" })
    .addOption({ name: "ref", description: "What the redemption is for", defaultValue: "" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./redeem.js"))
    .build(),
];
