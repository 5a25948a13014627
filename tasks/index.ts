/**
 * Hardhat tasks for the common actions on a deployed preset (the config's `tasks`). Each reads the network's address
 * book (deployments/<network>.json, from `npm run deploy`), takes amounts in human units (`--amount 10000` is 10,000
 * tokens, parsed with the token's decimals), signs with `--from` (an account index or address, default 0), and prints
 * what happened or `Error: <why>` with custom errors decoded. Examples (docs/deploy.md has more):
 *
 *   npx hardhat stake --amount 10000 --network localhost
 *   npx hardhat vote --proposal 1234... --support for --network localhost
 *   npx hardhat borrow --collateral 2000 --amount 1000 --preset qerun --network localhost
 *   npx hardhat lock --amount 10000 --weeks 208 --network localhost
 *
 * To add one: tasks/<name>.ts exporting `action(...)`, and an entry below.
 */
import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

const PRESET = "The preset: quiver, qerun, qry or qutoken";
const FROM = "Signer: an account index or address of the network, or a named account of the preset (liquidity)";

/** A string option the task requires (shown as required, without a default, in `--help`). */
function required<N extends string>(name: N, description: string) {
  return {
    name,
    description: `${description} (required)`,
    type: ArgumentType.STRING_WITHOUT_DEFAULT as const,
    defaultValue: undefined,
  };
}

export const TASKS = [
  task("stake", "Self-stake as a provider (the first stake registers)")
    .addOption({
      name: "amount",
      description: "Tokens to stake, e.g. 10000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "lockDays",
      description: "Then lock the position for this many days (0: no lock; QRY integrators and portals: 120 or more)",
      defaultValue: "0",
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./stake.js"))
    .build(),
  task("delegate", "Delegate stake to an active provider")
    .addOption({
      name: "provider",
      description: "The provider's address (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Tokens to delegate, e.g. 5000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./delegate.js"))
    .build(),
  task("delegate-votes", "Delegate your token votes (to yourself by default)")
    .addOption({
      name: "to",
      description: "Delegatee address (default: the signer)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./delegate-votes.js"))
    .build(),
  task("unbond", "Start unbonding stake (self-stake or delegation)")
    .addOption({
      name: "amount",
      description: "Tokens to unbond, e.g. 2500 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./unbond.js"))
    .build(),
  task("propose", "Propose a treasury grant (--grant-to, --amount) or a parameter change (--parameter, --value)")
    .addOption({
      name: "description",
      description: "The proposal's description (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "grantTo",
      description: "Grant recipient",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Grant, in tokens",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "parameter",
      description: "<contract>:<key>, e.g. staking:staking.unbondingPeriod",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "value",
      description: "New value, in the parameter's unit (wei, seconds, bps)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./propose.js"))
    .build(),
  task("vote", "Vote on an active proposal")
    .addOption({
      name: "proposal",
      description: "Proposal id (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "support", description: "for, against or abstain", defaultValue: "for" })
    .addOption({
      name: "reason",
      description: "Optional reason",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./vote.js"))
    .build(),
  task("borrow", "Borrow the stablecoin against QER (half buys ETH for the reserve)")
    .addOption({
      name: "amount",
      description: "Stablecoin to draw, e.g. 1000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "collateral",
      description: "QER to lock first (optional)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "minEth",
      description:
        "Least ETH the swapped half must buy, e.g. 0.25 (optional; default: the reserve's oracle bound only)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./borrow.js"))
    .build(),
  task("lock", "Lock tokens in the VoteLocker for votes, rewards and perks (a new lock, or a top-up of yours)")
    .addOption({
      name: "amount",
      description: "Tokens to lock, e.g. 10000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "weeks",
      description: "Length of a new lock in weeks, e.g. 208 (a new lock only)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./lock.js"))
    .build(),
  task("extend-lock", "Move the end of your lock later")
    .addOption({
      name: "weeks",
      description: "New length from now in weeks, e.g. 208 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./extend-lock.js"))
    .build(),
  task("unlock", "Withdraw your ended lock, or leave a running one with --early (penalty to the remaining lockers)")
    .addFlag({ name: "early", description: "Leave a running lock now, paying the early-exit penalty" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./unlock.js"))
    .build(),
  task("claim-lock-rewards", "Claim your long-term rewards from the VoteLocker")
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim-lock-rewards.js"))
    .build(),
  task("lp-stake", "Stake token/WETH Uniswap V2 LP tokens for liquidity incentives")
    .addOption({
      name: "amount",
      description: "LP tokens to stake, e.g. 1.5 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./lp-stake.js"))
    .build(),
  task("repay", "Repay debt (yours or --account's); in full, the position's ETH returns")
    .addOption({ name: "amount", description: "Stablecoin to repay, or all", defaultValue: "all" })
    .addOption({
      name: "account",
      description: "Whose debt (default: the signer)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./repay.js"))
    .build(),
  task("liquidate", "Liquidate an unhealthy position")
    .addOption({
      name: "account",
      description: "The position (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Most debt to repay, in the stablecoin (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./liquidate.js"))
    .build(),
  task("issuer-stake", "Stake QUT as an issuer (verified status, resource slots)")
    .addOption({
      name: "amount",
      description: "QUT to stake, e.g. 50000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./issuer-stake.js"))
    .build(),
  task("create-issuer-token", "Create an issuer token (pays the creation fee in QUT)")
    .addOption({
      name: "name",
      description: "Token name (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "symbol",
      description: "Token symbol (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "cap",
      description: "Cap, in tokens (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "termsUri",
      description: "Where the terms live (hashed on-chain) (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./create-issuer-token.js"))
    .build(),
  task("issuer-mint", "Mint an issuer token (its issuer or minter)")
    .addOption({
      name: "token",
      description: "The issuer token (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "to",
      description: "Recipient (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Tokens to mint (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./issuer-mint.js"))
    .build(),
  task("subscribe", "Sell a QRY subscription as a portal (pays monthly x epochs up front)")
    .addOption({
      name: "client",
      description: "Who is served (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "integrator",
      description: "The application it serves (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "monthly",
      description: "Tokens per epoch (month), e.g. 100 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "epochs", description: "Epochs paid, e.g. 12", defaultValue: "1" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./subscribe.js"))
    .build(),
  task("register-integrator", "Register yourself as a QRY integrator, once (a sale names registered integrators)")
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./register-integrator.js"))
    .build(),
  task("claim", "Claim your share of a closed QRY epoch from a distribution pool")
    .addOption({
      name: "pool",
      description: "query-fulfillment, integrators, portals, availability, challenges or consensus (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "epoch",
      description: "The epoch (default: the last closed)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim.js"))
    .build(),
  task("sign-voucher", "Sign a cumulative usage voucher as a consumer (for the provider to settle)")
    .addOption({
      name: "provider",
      description: "The provider serving you (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "model",
      description: "Model name or 32-byte id (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Cumulative list value of the channel, in tokens (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "tokens",
      description: "Cumulative generated tokens of the channel (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "priority", description: "Priority fee in bps (0, or the governed range)", defaultValue: "0" })
    .addFlag({ name: "batch", description: "A batch channel (discounted, no priority)" })
    .addOption({ name: "validFor", description: "Hours the voucher stays valid", defaultValue: "24" })
    .addOption({
      name: "out",
      description: "File to write (default: print the JSON)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./sign-voucher.js"))
    .build(),
  task("settle", "Settle a consumer-signed voucher as its provider")
    .addOption({
      name: "voucher",
      description: "Voucher file (from sign-voucher) or its JSON (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./settle.js"))
    .build(),
  task("redeem", "Redeem issuer tokens (burned, recorded for the issuer)")
    .addOption({
      name: "token",
      description: "The issuer token (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Tokens to redeem (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "ref",
      description: "What the redemption is for",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./redeem.js"))
    .build(),
  task("transfer", "Send the preset's token (fund an account)")
    .addOption({
      name: "to",
      description: "Recipient (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "amount",
      description: "Tokens to send, e.g. 20000 (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./transfer.js"))
    .build(),
  task("statement", "Write an account's statement of payments, fees, rewards, burns and slashes (CSV, Markdown)")
    .addOption({
      name: "account",
      description: "The account (default: the signer)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "fromBlock",
      description: "First block (default 0)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "toBlock",
      description: "Last block (default: the latest)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "dir", description: "Where the CSV and Markdown go", defaultValue: "reports" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./statement.js"))
    .build(),
  task("release", "Release everything vested to the signer in the preset's vesting vault")
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./release.js"))
    .build(),
  task("time", "Move a devnet's clock forward and mine a block (chain 31337 only)")
    .addOption({
      name: "forward",
      description: "A duration: 90s, 30m, 12h or 7d (required)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./time.js"))
    .build(),
  task("faucet", "Mint the devnet stablecoin to an account (devnets only)")
    .addOption(required("to", "Recipient"))
    .addOption(required("amount", "Stablecoin to mint, e.g. 5000"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./faucet.js"))
    .build(),
  task("supply-vault", "Supply the stablecoin to the stable vault (funds borrowing)")
    .addOption(required("amount", "Stablecoin to supply, e.g. 100000"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./supply-vault.js"))
    .build(),
  task("set-price", "Set a devnet price feed (the deployer owns them; devnets only)")
    .addOption(required("asset", "qer or eth"))
    .addOption(required("usd", "The price in dollars, e.g. 1.5"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qerun" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./set-price.js"))
    .build(),
  task("list-model", "List a model in the catalogue and serve it (an active provider)")
    .addOption(required("model", "Model name or 32-byte id"))
    .addOption({ name: "complexity", description: "small, medium or large", defaultValue: "small" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./list-model.js"))
    .build(),
  task("deposit-escrow", "Deposit tokens into the inference market's escrow (a consumer)")
    .addOption(required("amount", "Tokens to deposit, e.g. 1000"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./deposit-escrow.js"))
    .build(),
  task("buy-app", "Buy a paid application at its listed price (70% to its developer, 30% through the fee split)")
    .addOption(required("app", "The app id, e.g. 1"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./buy-app.js"))
    .build(),
  task("list-licence", "List model-access or dataset licences in the data marketplace (a seller)")
    .addOption(required("kind", "model or dataset"))
    .addOption(required("subject", "Model or dataset name, or a 32-byte id"))
    .addOption(required("price", "Price of one licence in tokens, e.g. 100"))
    .addOption(required("supply", "Most licences ever sold, e.g. 50"))
    .addOption({ name: "days", description: "Each licence's life in days (0: perpetual)", defaultValue: "0" })
    .addOption(required("terms", "The terms' text or their 32-byte hash"))
    .addOption({ name: "resale", description: "yes: holders may transfer their licences", defaultValue: "no" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./list-licence.js"))
    .build(),
  task("post-request", "Post an inference request to the sealed-bid auction, escrowing tokens x max price (a consumer)")
    .addOption(required("model", "The model's name or 32-byte id, e.g. llama-3-8b-instruct"))
    .addOption(required("tokens", "Tokens requested, e.g. 1000000"))
    .addOption(required("maxPrice", "Most paid per token, in tokens, e.g. 0.002"))
    .addOption({ name: "bidHours", description: "Hours of sealed bidding from now", defaultValue: "1" })
    .addOption({ name: "revealHours", description: "Hours of reveals after the bidding", defaultValue: "2" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./post-request.js"))
    .build(),
  task("bid-request", "Commit a sealed bid on a request, or reveal it after the bidding deadline (a provider)")
    .addOption(required("request", "The request id, e.g. 1"))
    .addOption(required("price", "Price per token, in tokens, e.g. 0.0012"))
    .addOption(required("salt", "A secret kept until the reveal (text, or a 32-byte hex value)"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./bid-request.js"))
    .build(),
  task("commit-volume", "Propose a committed-volume contract to a provider at a fixed rate, escrowing it (a consumer)")
    .addOption(required("provider", "The provider's address (an active provider)"))
    .addOption(required("model", "The model's name or 32-byte id, e.g. llama-3-8b-instruct"))
    .addOption(required("tokens", "Tokens committed, e.g. 1000000"))
    .addOption(required("rate", "Price of 1,000 tokens, in tokens, e.g. 2"))
    .addOption(required("days", "Term in days from now, e.g. 30"))
    .addOption({ name: "penaltyBps", description: "Shortfall penalty, bps of the unused escrow", defaultValue: "5000" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./commit-volume.js"))
    .build(),
  task("store-session", "Pay storage of a persistent session with a provider for whole days (a consumer)")
    .addOption(required("session", "The session's name or 32-byte id, e.g. my-chat"))
    .addOption(required("provider", "The provider's address (an active provider)"))
    .addOption(required("days", "Days to pay, e.g. 30"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./store-session.js"))
    .build(),
  task(
    "buy-licence",
    "Buy a licence of a data-marketplace listing (seller's share to the seller, the rest to the fee split)",
  )
    .addOption(required("listing", "The listing id, e.g. 1"))
    .addOption({
      name: "maxPrice",
      description: "Most to pay, in tokens (default: the price read now)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./buy-licence.js"))
    .build(),
  task("claim-grant", "Pay an integration grant's vested part to its recipient (anyone)")
    .addOption(required("grant", "The grant id, e.g. 1"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim-grant.js"))
    .build(),
  task("claim-bounty", "Pay an accepted bounty's reward to its worker (anyone)")
    .addOption(required("bounty", "The bounty id, e.g. 1"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim-bounty.js"))
    .build(),
  task("rate-provider", "Rate a provider you paid, 1-5 stars with a review hash (from your channel with it)")
    .addOption(required("provider", "The provider you paid"))
    .addOption(required("model", "The channel's model: name or 32-byte id"))
    .addOption(required("stars", "1 to 5"))
    .addOption(required("review", "The written review (hashed) or its 32-byte hash"))
    .addOption({ name: "priority", description: "The channel's priority fee in bps", defaultValue: "0" })
    .addFlag({ name: "batch", description: "A batch channel" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./rate-provider.js"))
    .build(),
  task(
    "claim-provider-bonus",
    "Claim the availability, diversity and loyalty bonuses on your settled earnings (enrols first)",
  )
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./claim-provider-bonus.js"))
    .build(),
  task("certify-provider", "Certify a provider serving a model as its specialist (the market curator signs)")
    .addOption(required("model", "The model: name or 32-byte id"))
    .addOption(required("provider", "The provider: an address or a named account of the preset"))
    .addFlag({ name: "revoke", description: "Withdraw the certificate instead" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "marketCurator" })
    .setAction(() => import("./certify-provider.js"))
    .build(),
  task("attest", "Attest an account for the compliance hooks, or revoke it (a KYC provider signs)")
    .addOption(required("account", "The account: an address or a named account of the preset"))
    .addOption({
      name: "jurisdiction",
      description: "Its jurisdiction, ISO 3166-1 alpha-2, e.g. FR (required unless --revoke)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "days", description: "Days the attestation lasts", defaultValue: "365" })
    .addFlag({ name: "revoke", description: "Revoke the account's attestation instead" })
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "kycProvider" })
    .setAction(() => import("./attest.js"))
    .build(),
  task("grant-role", "Grant an operating role of the preset's AccessManager (its admin signs)")
    .addOption(required("role", "The role, e.g. DISTRIBUTION_PORTAL"))
    .addOption(required("to", "Who gets it"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./grant-role.js"))
    .build(),
  task("deflation-step", "Step the market's burn share toward the net-deflation band, once a quarter (anyone)")
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./deflation-step.js"))
    .build(),
  task("close-epoch", "Release issuance into the engine and close every ended QRY epoch (anyone)")
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./close-epoch.js"))
    .build(),
  task("report-calls", "Report calls a provider served for a subscription (a QRY gateway)")
    .addOption(required("subscription", "Subscription id"))
    .addOption(required("provider", "Who served the calls"))
    .addOption(required("calls", "Calls served"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./report-calls.js"))
    .build(),
  task("queue", "Queue a succeeded proposal in its timelock (anyone)")
    .addOption(required("proposal", "Proposal id, or latest"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./queue.js"))
    .build(),
  task("execute", "Execute a queued proposal after its timelock delay (anyone)")
    .addOption(required("proposal", "Proposal id, or latest"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./execute.js"))
    .build(),
  task("settle-deposit", "Return (or forfeit) a proposal's deposit once voting ended (anyone)")
    .addOption(required("proposal", "Proposal id, or latest"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./settle-deposit.js"))
    .build(),
  task("register-validator", "Bond the validator bond and join the challenge court")
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./register-validator.js"))
    .build(),
  task("challenge", "Challenge a settled voucher (its consumer), staking the challenge stake")
    .addOption(
      required("subject", "Subject id printed by settle (a number or 32 bytes), or latest (your newest settlement)"),
    )
    .addOption({ name: "class", description: "minor, major or severe", defaultValue: "minor" })
    .addOption(required("bps", "The slash claimed in bps, inside the class range"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./challenge.js"))
    .build(),
  task("court-vote", "Vote on an open challenge (a court validator)")
    .addOption(required("challenge", "Challenge id"))
    .addOption(required("uphold", "true or false"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./court-vote.js"))
    .build(),
  task("decide", "Decide a challenge once its vote has ended (anyone)")
    .addOption(required("challenge", "Challenge id"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "quiver" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./decide.js"))
    .build(),
  task("fulfil", "Mark a redemption of your issuer token delivered (the issuer)")
    .addOption(required("token", "The issuer token: address or symbol"))
    .addOption(required("redemption", "Redemption id"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qutoken" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./fulfil.js"))
    .build(),
  task("record-blocks", "Register a QRY validator and record blocks it produced this epoch (registrar, reporter)")
    .addOption(required("validator", "The validator"))
    .addOption(required("blocks", "Blocks produced"))
    .addOption({ name: "preset", description: PRESET, defaultValue: "qry" })
    .addOption({ name: "from", description: FROM, defaultValue: "0" })
    .setAction(() => import("./record-blocks.js"))
    .build(),
];
