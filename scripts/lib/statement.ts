/**
 * Per-account statements for tax reporting (`npm run statement`, the `statement` task): every payment, fee, reward,
 * burn and slash that touched one account in one deployed preset, read from the contracts' event logs (no traces),
 * with the USD value used where the preset has a price source.
 *
 * How it reads: every contract of the preset's address book (and the preset's issuer tokens and, for lending, the
 * stablecoin) is scanned for the block range; each log is decoded with its contract's ABI, and every event that names
 * the account in an address parameter and carries an amount is a candidate. Candidates whose event has a rule in
 * `RULES` become rows (kind, direction, amount, token); events listed in `IGNORED` are not money movements; any other
 * candidate is listed as unclassified in the Markdown, so nothing that names the account is silently dropped.
 * ERC-20 `Transfer`s of the preset's token, the stablecoin and issuer tokens are rows unless a ruled row of the same
 * transaction already accounts for them (same token, same direction): burns (to the zero address), mints, deposits
 * to and withdrawals from protocol contracts, and plain transfers. Market settlements (`InferenceMarket.Settled`)
 * name a channel, not the parties: the channel's `ChannelOpened` gives them, and the provider's share is the rise of
 * `earningsOf(provider).lifetime` across the block (a view at the block and the one before; split in proportion
 * when one provider settled more than once in a block), the rest of the charge being the consumer's fee.
 *
 * Kinds: payment, fee, reward, burn, slash are economic; deposit and withdrawal move the account's own tokens into
 * and out of protocol custody (stake, escrow, collateral, locks); borrow and repay are loans; transfer, mint,
 * funding (paying into a program's pool) and vesting (a vested release) complete the ledger.
 *
 * USD: the lending preset (Qerun) deploys an OracleRouter over Chainlink-style feeds; its `collateralPrice()` (QER)
 * and `ethPrice()` are read at each row's block, and the stablecoin is taken at par (1 USD). A price the router
 * refuses at that block (stale, out of range) leaves the value empty with the reason. The other presets have no
 * price source: their USD columns are empty with a note.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { formatUnits, getAddress, Interface, isAddress, ZeroAddress, type Log, type LogDescription } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { SYSTEMS, type SystemId } from "../../presets/types/preset.js";
import type { PresetAddresses } from "./presets.js";

/** What a row records. */
export type Kind =
  | "payment"
  | "fee"
  | "reward"
  | "burn"
  | "slash"
  | "deposit"
  | "withdrawal"
  | "borrow"
  | "repay"
  | "transfer"
  | "mint"
  | "funding"
  | "vesting";

export const KINDS: readonly Kind[] = [
  "payment",
  "fee",
  "reward",
  "burn",
  "slash",
  "deposit",
  "withdrawal",
  "borrow",
  "repay",
  "transfer",
  "mint",
  "funding",
  "vesting",
];

/** One line of the statement. */
export interface StatementRow {
  /** Block timestamp, ISO 8601 (UTC). */
  date: string;
  block: number;
  txHash: string;
  logIndex: number;
  /** The contract (its address-book name) whose event this row comes from. */
  contract: string;
  /** The event, `Name`. */
  event: string;
  kind: Kind;
  direction: "in" | "out";
  /** The token's symbol, and its address (ETH: the zero address). */
  token: string;
  tokenAddress: string;
  /** Base units, and the token's decimals. */
  amount: bigint;
  decimals: number;
  /** USD per whole token (WAD) used, and the value in USD cents; undefined when there is none. */
  usdPrice?: bigint;
  usdCents?: bigint;
  note: string;
}

/** An event that names the account with an amount but has no rule (listed, not valued). */
export interface UnclassifiedEvent {
  block: number;
  txHash: string;
  contract: string;
  event: string;
  args: string;
}

export interface Statement {
  system: SystemId;
  account: string;
  network: string;
  chainId: bigint;
  fromBlock: number;
  toBlock: number;
  /** Where USD values come from (or why there are none). */
  priceSource: string;
  rows: StatementRow[];
  unclassified: UnclassifiedEvent[];
}

/** A mistake in the statement's inputs (an address, a preset, a block range), one line. */
export class StatementInputError extends Error {}

/** The checked inputs: a checksummed account, a known preset, and `from <= to` (blocks). */
export function checkStatementInputs(
  preset: string,
  account: string,
  fromBlock: string | undefined,
  toBlock: string | undefined,
  latest: number,
  names: { preset: string; account: string; from: string; to: string },
): { system: SystemId; account: string; fromBlock: number; toBlock: number } {
  if (!SYSTEMS.includes(preset as SystemId)) {
    throw new StatementInputError(`${names.preset} must be one of ${SYSTEMS.join(", ")}, got "${preset}"`);
  }
  if (account === "" || !isAddress(account)) {
    throw new StatementInputError(`${names.account} must be an address (0x and 40 hex digits), got "${account}"`);
  }
  const block = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined || value.trim() === "") return fallback;
    if (!/^\d+$/.test(value.trim())) throw new StatementInputError(`${name} must be a block number, got "${value}"`);
    return Number(value.trim());
  };
  const from = block(names.from, fromBlock, 0);
  const to = block(names.to, toBlock, latest);
  if (to > latest) throw new StatementInputError(`${names.to} (${to}) is after the latest block (${latest})`);
  if (from > to) throw new StatementInputError(`${names.from} (${from}) is after ${names.to} (${to})`);
  return { system: preset as SystemId, account: getAddress(account), fromBlock: from, toBlock: to };
}

// ---- rules

type Args = LogDescription["args"];
/** Which token a rule's amount is in: the preset's, the stablecoin, ETH, the LP token, the emitting contract, or an argument. */
type TokenRef = "token" | "stable" | "eth" | "lp" | "emitter" | { arg: string };

interface Rule {
  /** The argument that must be the account. */
  who: string;
  kind: Kind;
  direction: "in" | "out";
  amount: (a: Args) => bigint;
  token: TokenRef;
  /** Only when this holds (e.g. a withdrawal that left the contract). */
  when?: (a: Args) => boolean;
  /** A fixed note, or one built from the arguments (`show` formats an amount in the rule's token). */
  note?: string | ((a: Args, show: (v: bigint) => string) => string);
}

const arg = (name: string) => (a: Args) => a[name] as bigint;
const rule = (
  who: string,
  kind: Kind,
  direction: "in" | "out",
  amount: string | ((a: Args) => bigint),
  token: TokenRef = "token",
  extra: Partial<Rule> = {},
): Rule => ({ who, kind, direction, amount: typeof amount === "string" ? arg(amount) : amount, token, ...extra });

/** `Artifact.Event` -> the rows it makes (one per party it names). */
export const RULES: Record<string, Rule[]> = {
  // Supply
  "EpochRewardPool.Claimed": [rule("to", "reward", "in", "amount")],
  "VestingVault.Released": [rule("to", "vesting", "in", "amount")],
  "Treasury.Transferred": [rule("to", "transfer", "in", "amount", { arg: "token" }, { note: "from the treasury" })],
  "WorkerPool.Claimed": [rule("recipient", "reward", "in", "amount", "token", { note: "worker grant" })],
  // Governance
  "ProtocolGovernor.DepositRefunded": [rule("proposer", "withdrawal", "in", "amount")],
  "ProtocolGovernor.DepositForfeited": [
    rule("proposer", "slash", "out", "amount", "token", { note: "deposit forfeited" }),
  ],
  // Staking
  "ProviderStaking.Staked": [rule("account", "deposit", "out", "amount")],
  "ProviderStaking.Withdrawn": [
    rule("account", "withdrawal", "in", "amount", "token", { when: (a) => a.bondedTo === ZeroAddress }),
  ],
  "ProviderStaking.RewardsClaimed": [rule("account", "reward", "in", "amount")],
  "ProviderStaking.Slashed": [
    rule("provider", "slash", "out", (a) => a.fromActive + a.fromUnbonding + a.fromReputation, "token"),
  ],
  "ReputationStake.ReputationAdded": [rule("provider", "deposit", "out", "amount")],
  "ReputationStake.ReputationWithdrawn": [rule("provider", "withdrawal", "in", "amount")],
  // Market
  "InferenceMarket.Deposited": [rule("consumer", "deposit", "out", "amount")],
  "InferenceMarket.Withdrawn": [rule("consumer", "withdrawal", "in", "amount")],
  "InferenceMarket.CreditsBought": [
    rule("consumer", "deposit", "out", "amount", "token", {
      when: (a) => a.amount > 0n,
      note: "prepaid credits (bonus credits are not tokens)",
    }),
  ],
  "InferenceMarket.EarningsClaimed": [rule("provider", "withdrawal", "in", "amount")],
  "DeveloperPrograms.AppPurchased": [
    rule("buyer", "payment", "out", "toDeveloper"),
    rule("buyer", "fee", "out", "toProtocol", "token", { note: "through the fee split" }),
    rule("developer", "payment", "in", "toDeveloper"),
  ],
  "LicenceMarket.LicenceBought": [
    rule("buyer", "payment", "out", "toSeller", "token", { note: "licence" }),
    rule("buyer", "fee", "out", "toProtocol", "token", { note: "licence, through the fee split" }),
    rule("seller", "payment", "in", "toSeller", "token", { note: "licence sold" }),
  ],
  "RequestAuction.RequestPosted": [rule("consumer", "deposit", "out", "escrow", "token", { note: "auction escrow" })],
  "RequestAuction.RequestCancelled": [
    rule("consumer", "withdrawal", "in", "refund", "token", { note: "auction escrow" }),
  ],
  "RequestAuction.BondDeposited": [rule("account", "deposit", "out", "amount", "token", { note: "bid bond" })],
  "RequestAuction.BondWithdrawn": [rule("account", "withdrawal", "in", "amount", "token", { note: "bid bond" })],
  "RequestAuction.AuctionClosed": [
    rule("consumer", "withdrawal", "in", "refund", "token", { when: (a) => a.refund > 0n, note: "auction unfilled" }),
  ],
  "RequestAuction.Settled": [
    rule("consumer", "payment", "out", "toProvider", "token", { note: "auction" }),
    rule("consumer", "fee", "out", "toProtocol", "token", { note: "auction, through the fee split" }),
    rule("consumer", "withdrawal", "in", "refund", "token", { when: (a) => a.refund > 0n, note: "auction escrow" }),
    rule("provider", "payment", "in", "toProvider", "token", { note: "auction won" }),
  ],
  "RequestAuction.Disputed": [
    rule("consumer", "fee", "out", "toProtocol", "token", { note: "disputed auction, through the fee split" }),
    rule("consumer", "withdrawal", "in", "refund", "token", { when: (a) => a.refund > 0n, note: "auction escrow" }),
  ],
  "RequestAuction.DeliveryFailed": [
    rule("consumer", "withdrawal", "in", "refund", "token", { note: "auction escrow, undelivered" }),
    rule("consumer", "reward", "in", "bond", "token", { note: "winner's bond, undelivered" }),
    rule("provider", "slash", "out", "bond", "token", { note: "bid bond, undelivered" }),
  ],
  "VolumeContracts.Proposed": [
    rule("consumer", "deposit", "out", "escrow", "token", { note: "volume contract escrow" }),
  ],
  "VolumeContracts.ProposalCancelled": [
    rule("consumer", "withdrawal", "in", "refund", "token", { note: "volume contract escrow" }),
  ],
  "VolumeContracts.UsageSettled": [
    rule("consumer", "payment", "out", "toProvider", "token", { note: "volume contract, from escrow" }),
    rule("consumer", "fee", "out", "toProtocol", "token", { note: "volume contract, through the fee split" }),
    rule("provider", "payment", "in", "toProvider", "token", { note: "volume contract usage" }),
  ],
  "VolumeContracts.Ended": [
    rule("consumer", "payment", "out", "penaltyToProvider", "token", {
      when: (a) => a.penaltyToProvider > 0n,
      note: "volume shortfall penalty",
    }),
    rule("consumer", "fee", "out", "penaltyToProtocol", "token", {
      when: (a) => a.penaltyToProtocol > 0n,
      note: "volume shortfall penalty, through the fee split",
    }),
    rule("consumer", "withdrawal", "in", "refund", "token", { when: (a) => a.refund > 0n, note: "volume escrow" }),
    rule("provider", "payment", "in", "penaltyToProvider", "token", {
      when: (a) => a.penaltyToProvider > 0n,
      note: "volume shortfall penalty",
    }),
  ],
  "VolumeContracts.SessionStored": [
    rule("consumer", "payment", "out", "toProvider", "token", { note: "session storage" }),
    rule("consumer", "fee", "out", "toProtocol", "token", { note: "session storage, through the fee split" }),
    rule("provider", "payment", "in", "toProvider", "token", { note: "session storage" }),
  ],
  "DeveloperPrograms.BountyPosted": [rule("poster", "deposit", "out", "reward", "token", { note: "bounty escrow" })],
  "DeveloperPrograms.BountyClaimed": [rule("worker", "reward", "in", "reward", "token", { note: "bounty" })],
  "DeveloperPrograms.GrantClaimed": [
    rule("recipient", "reward", "in", "amount", "token", { note: "integration grant" }),
  ],
  "DeveloperPrograms.GrantsFunded": [rule("from", "funding", "out", "amount")],
  "Ratings.Rated": [
    rule("consumer", "reward", "in", "reward", "token", { when: (a) => a.reward > 0n, note: "feedback" }),
  ],
  "Ratings.FeedbackFunded": [rule("funder", "funding", "out", "amount")],
  "ProviderPrograms.BonusClaimed": [rule("provider", "reward", "in", (a) => a.availability + a.diversity + a.loyalty)],
  "ProviderPrograms.ProgramFunded": [rule("funder", "funding", "out", "amount")],
  "IncentivePools.RewardsClaimed": [rule("account", "reward", "in", "amount")],
  "IncentivePools.PoolFunded": [rule("funder", "funding", "out", "amount")],
  // Slashing
  "ChallengeCourt.ValidatorRegistered": [
    rule("validator", "deposit", "out", "bond", "token", { note: "validator bond" }),
  ],
  "ChallengeCourt.ValidatorBondWithdrawn": [rule("validator", "withdrawal", "in", "amount")],
  "ChallengeCourt.ValidatorFeeClaimed": [rule("validator", "reward", "in", "amount")],
  "ChallengeCourt.AbsencePenalised": [rule("validator", "slash", "out", "penalty", "token", { note: "absence" })],
  "ChallengeCourt.ChallengeOpened": [
    rule("challenger", "deposit", "out", "stake", "token", { note: "challenge stake" }),
  ],
  "ChallengeCourt.RewardsFunded": [rule("from", "funding", "out", "amount")],
  // Lending (Qerun)
  "CreditManager.CollateralAdded": [rule("payer", "deposit", "out", "amount", "token", { note: "collateral" })],
  "CreditManager.CollateralWithdrawn": [rule("to", "withdrawal", "in", "amount", "token", { note: "collateral" })],
  "CreditManager.Borrowed": [
    rule("account", "borrow", "in", "paidOut", "stable", {
      note: (a, show) => `paid out of ${show(a.amount)} borrowed (${show(a.swapped)} bought ETH for the position)`,
    }),
  ],
  "CreditManager.Repaid": [rule("payer", "repay", "out", "assets", "stable")],
  "CreditManager.Liquidated": [
    rule("account", "slash", "out", "collateralSeized", "token", { note: "liquidated collateral" }),
    rule("account", "slash", "out", "ethSeized", "eth", { note: "liquidated position ETH" }),
    rule("liquidator", "repay", "out", "repaid", "stable", { note: "liquidation" }),
  ],
  "EthReserve.EthPaid": [rule("to", "withdrawal", "in", "amount", "eth", { note: "ETH from the reserve" })],
  "EthReserve.EthClaimed": [rule("to", "withdrawal", "in", "amount", "eth", { note: "ETH credit claimed" })],
  "StableVault.Deposit": [rule("sender", "deposit", "out", "assets", "stable")],
  "StableVault.Withdraw": [rule("receiver", "withdrawal", "in", "assets", "stable")],
  "StableVault.ExitClaimed": [rule("receiver", "withdrawal", "in", "assets", "stable")],
  "VoteLocker.Locked": [
    rule("account", "deposit", "out", "added", "token", { when: (a) => a.added > 0n, note: "lock" }),
  ],
  "VoteLocker.Withdrawn": [rule("account", "withdrawal", "in", "amount")],
  "VoteLocker.ExitedEarly": [
    rule("account", "withdrawal", "in", "returned"),
    rule("account", "fee", "out", "penalty", "token", { note: "early-exit penalty" }),
  ],
  "VoteLocker.RewardPaid": [rule("account", "reward", "in", "amount")],
  "LiquidityIncentives.Staked": [rule("account", "deposit", "out", "amount", "lp")],
  "LiquidityIncentives.Withdrawn": [rule("account", "withdrawal", "in", "amount", "lp")],
  "LiquidityIncentives.RewardPaid": [rule("account", "reward", "in", "amount")],
  "BuybackBurner.Funded": [rule("from", "funding", "out", "amount", "eth")],
  // Issuance (Qutoken)
  "IssuerRegistry.Staked": [rule("issuer", "deposit", "out", "amount")],
  "IssuerRegistry.Withdrawn": [rule("issuer", "withdrawal", "in", "amount")],
  "IssuerRegistry.FeePaid": [rule("payer", "fee", "out", "amount")],
  "IssuerRegistry.IssuerSlashed": [rule("issuer", "slash", "out", (a) => a.fromStake + a.fromPending)],
  "PartnerRewards.Claimed": [rule("account", "reward", "in", "amount")],
  "PartnerRewards.Funded": [rule("from", "funding", "out", "amount")],
  "Settlement.Settled": [rule("from", "payment", "out", "amount"), rule("to", "payment", "in", "amount")],
  "IssuerToken.Redeemed": [rule("holder", "burn", "out", "amount", "emitter", { note: "redeemed" })],
  "IssuerToken.RedemptionRefunded": [
    rule("holder", "mint", "in", "amount", "emitter", { note: "redemption refunded" }),
  ],
  "IssuerToken.VoucherClaimed": [rule("to", "mint", "in", "amount", "emitter", { note: "voucher" })],
  // Distribution (QRY)
  "SqrtPool.Claimed": [rule("account", "reward", "in", "amount")],
  "ConsensusRewards.Claimed": [rule("validator", "reward", "in", "amount")],
  "AvailabilityPool.AvailabilityPaid": [rule("provider", "reward", "in", "amount")],
  "AvailabilityPool.ChallengerPaid": [rule("challenger", "reward", "in", "amount")],
  "SubscriptionManager.RevenueCollected": [rule("to", "payment", "in", "amount")],
  "StabilizationFund.Withdrawn": [rule("to", "transfer", "in", "amount", "token", { note: "stabilization fund" })],
  "InsuranceFund.Withdrawn": [rule("to", "transfer", "in", "amount", "stable", { note: "insurance fund" })],
};

/**
 * Events that name an account with a number but move no value of its own (or whose value another row records):
 * not rows, not unclassified.
 */
export const IGNORED = new Set([
  "Approval",
  "BidRevealed", // RequestAuction: a price and a locked bid bond back in a free deposit, no token moves
  "Accepted", // VolumeContracts: the provider accepted a contract, no token moves
  "DelegateVotesChanged",
  "Paused",
  "ScheduleCreated",
  "GrantCreated",
  "LockReleased",
  "Locked", // ProviderStaking's lock boost (VoteLocker.Locked has a rule and is matched first)
  "PerformanceSet",
  "ProviderRegistered", // its stake is the Staked event
  "Rebonded",
  "RedelegationRequested",
  "Unbonded",
  "ReputationSlashed", // in ProviderStaking.Slashed
  "InfractionSlashed", // in ProviderStaking.Slashed
  "MinorInfractionProven",
  "WithdrawalCancelled",
  "WithdrawalRequested",
  "ShortfallCovered",
  "ExitRequested",
  "Borrowed", // StableVault's loan to the credit manager (CreditManager.Borrowed has a rule)
  "EthCredited", // owed, paid by EthClaimed
  "UnownedEthWithdrawn",
  "IssuerFrozen",
  "SlotReleased",
  "SlotUsed",
  "UnstakeCancelled",
  "UnstakeRequested",
  "TokenCreated", // its fee is IssuerRegistry.FeePaid
  "RedemptionReclaimed",
  "Subscribed",
  "Renewed",
  "CallsReported",
  "IntegratorRegistered",
  "Credited",
  "ChallengesRecorded",
  "ServiceRegistered",
  "BlocksRecorded",
  "BalanceAbsorbed",
  "ValidatorAbsent",
  "ValidatorExited",
  "Voted",
  "Attested",
  "DisputeFiled",
  "LatencyAdvertised",
  "PerformanceSynced",
  "ModelListed",
  "ProviderJoined",
  "ProviderLeft",
  "DiversityEarned", // a weighted basis, paid by ProviderPrograms.BonusClaimed
  "EarlyAdopterJoined",
  "EarlyCreditsRedeemed",
  "ReferralRegistered",
  "RewardAccrued", // accrued, paid by RewardsClaimed
  "ChannelOpened",
  "ReleaseRequested",
  "Released", // InferenceMarket's reserve back to deposits (VestingVault.Released has a rule)
  "Reserved",
  "TierSynced",
  "AppListed",
  "BountyAccepted",
  "Enrolled",
  "TenureRestarted",
  "VoteCast",
  "VoteCastWithParams",
  "ProposalCreated",
  "FeeRouted", // its payer is the module; the account's fee is the module's own event
]);

/** Address-book name -> artifact, for the contracts whose events are read. */
const ARTIFACTS: Record<string, string> = {
  token: "ProtocolToken",
  treasury: "Treasury",
  governor: "ProtocolGovernor",
  vault: "VestingVault",
  pool: "EpochRewardPool",
  workerPool: "WorkerPool",
  staking: "ProviderStaking",
  reputation: "ReputationStake",
  insuranceFund: "InsuranceFund",
  stableVault: "StableVault",
  ethReserve: "EthReserve",
  creditManager: "CreditManager",
  issuerRegistry: "IssuerRegistry",
  issuerTokenFactory: "IssuerTokenFactory",
  partnerRewards: "PartnerRewards",
  settlement: "Settlement",
  subscriptions: "SubscriptionManager",
  queryFulfillmentPool: "SqrtPool",
  integratorPool: "SqrtPool",
  portalPool: "SqrtPool",
  availabilityPool: "AvailabilityPool",
  consensusRewards: "ConsensusRewards",
  stabilizationFund: "StabilizationFund",
  slasher: "Slasher",
  challengeCourt: "ChallengeCourt",
  metricsRegistry: "MetricsRegistry",
  modelCatalog: "ModelCatalog",
  feeRouter: "FeeRouter",
  incentivePools: "IncentivePools",
  inferenceMarket: "InferenceMarket",
  developerPrograms: "DeveloperPrograms",
  licenceMarket: "LicenceMarket",
  requestAuction: "RequestAuction",
  volumeContracts: "VolumeContracts",
  ratings: "Ratings",
  providerPrograms: "ProviderPrograms",
  voteLocker: "VoteLocker",
  lpIncentives: "LiquidityIncentives",
  buybackBurner: "BuybackBurner",
};

// ---- reading

interface Source {
  name: string;
  artifact: string;
  address: string;
  iface: Interface;
  /** An ERC-20 whose Transfers are rows (the preset's token, the stablecoin, issuer tokens). */
  erc20?: { symbol: string; decimals: number };
}

interface Token {
  symbol: string;
  address: string;
  decimals: number;
}

/** Options of `buildStatement`. */
export interface StatementOptions {
  system: SystemId;
  account: string;
  fromBlock: number;
  toBlock: number;
  /** The stablecoin of a lending preset (its Transfers are rows, its amounts valued at par). */
  stable?: string;
  /** Names for other addresses (the preset's named accounts), shown for a transfer's counterparty. */
  labels?: Record<string, string>;
}

/** Reads the statement of `account` in the preset at `addresses` over the block range. */
export async function buildStatement(
  connection: NetworkConnection,
  addresses: PresetAddresses,
  options: StatementOptions,
): Promise<Statement> {
  const { ethers } = connection;
  const provider = ethers.provider;
  const account = getAddress(options.account);
  const { fromBlock, toBlock } = options;
  const names = new Map<string, string>();
  for (const [name, address] of Object.entries(addresses)) names.set(address.toLowerCase(), name);
  const labels = new Map<string, string>();
  for (const [name, address] of Object.entries(options.labels ?? {})) labels.set(address.toLowerCase(), name);

  const sources: Source[] = [];
  const erc20Info = async (address: string) => {
    const c = await ethers.getContractAt("MockStablecoin", address);
    return { symbol: await c.symbol(), decimals: Number(await c.decimals()) };
  };
  for (const [name, artifact] of Object.entries(ARTIFACTS)) {
    const address = addresses[name];
    if (address === undefined) continue;
    const { interface: iface } = await ethers.getContractAt(artifact, address);
    sources.push({ name, artifact, address, iface, ...(name === "token" ? { erc20: await erc20Info(address) } : {}) });
  }
  if (options.stable !== undefined) {
    const { interface: iface } = await ethers.getContractAt("MockStablecoin", options.stable);
    names.set(options.stable.toLowerCase(), "stable");
    sources.push({
      name: "stable",
      artifact: "ERC20",
      address: options.stable,
      iface,
      erc20: await erc20Info(options.stable),
    });
  }
  if (addresses.issuerTokenFactory !== undefined) {
    const factory = await ethers.getContractAt("IssuerTokenFactory", addresses.issuerTokenFactory);
    for (const created of await factory.queryFilter(factory.filters.TokenCreated(), 0, toBlock)) {
      const token = await ethers.getContractAt("IssuerToken", created.args.token);
      const info = await erc20Info(created.args.token);
      names.set(created.args.token.toLowerCase(), `issuerToken:${info.symbol}`);
      sources.push({
        name: `issuerToken:${info.symbol}`,
        artifact: "IssuerToken",
        address: created.args.token,
        iface: token.interface,
        erc20: info,
      });
    }
  }

  const tokens = new Map<string, Token>();
  const tokenOf = async (address: string): Promise<Token> => {
    const key = address.toLowerCase();
    let t = tokens.get(key);
    if (t === undefined) {
      t =
        address === ZeroAddress ? { symbol: "ETH", address, decimals: 18 } : { ...(await erc20Info(address)), address };
      tokens.set(key, t);
    }
    return t;
  };
  const lp =
    addresses.lpIncentives === undefined
      ? undefined
      : await (await ethers.getContractAt("LiquidityIncentives", addresses.lpIncentives)).stakingToken();
  const resolve = async (ref: TokenRef, source: Source, a: Args): Promise<Token> => {
    if (ref === "token") return tokenOf(addresses.token);
    if (ref === "stable") return tokenOf(options.stable ?? addresses.stable ?? ZeroAddress);
    if (ref === "eth") return tokenOf(ZeroAddress);
    if (ref === "lp") return { ...(await tokenOf(lp!)), symbol: "UNI-V2 LP" };
    if (ref === "emitter") return tokenOf(source.address);
    return tokenOf(a[ref.arg] as string);
  };

  const blocks = new Map<number, { timestamp: number }>();
  const blockOf = async (n: number) => {
    let b = blocks.get(n);
    if (b === undefined) {
      const got = await provider.getBlock(n);
      b = { timestamp: got!.timestamp };
      blocks.set(n, b);
    }
    return b;
  };

  type Pending = Omit<StatementRow, "date" | "usdPrice" | "usdCents"> & { order: number };
  const pending: Pending[] = [];
  const unclassified: UnclassifiedEvent[] = [];
  const transfers: { log: Log; source: Source; from: string; to: string; value: bigint }[] = [];
  const settled: { log: Log; parsed: LogDescription }[] = [];
  let marketSource: Source | undefined;

  for (const source of sources) {
    const logs = await provider.getLogs({ address: source.address, fromBlock, toBlock });
    for (const log of logs) {
      let parsed: LogDescription | null;
      try {
        parsed = source.iface.parseLog(log);
      } catch {
        parsed = null;
      }
      if (parsed === null) continue;
      const name = parsed.name;
      if (source.artifact === "InferenceMarket" && name === "Settled") {
        settled.push({ log, parsed });
        marketSource = source;
        continue;
      }
      if (source.erc20 !== undefined && name === "Transfer") {
        const [from, to, value] = [parsed.args[0] as string, parsed.args[1] as string, parsed.args[2] as bigint];
        if (from === account || to === account) transfers.push({ log, source, from, to, value });
        continue;
      }
      // Candidates: an address argument is the account and a number argument exists.
      const inputs = parsed.fragment.inputs;
      const names_ = inputs.map((i) => i.name);
      const mentions = inputs.some((i, k) => i.type === "address" && parsed!.args[k] === account);
      if (!mentions || !inputs.some((i) => /^u?int/.test(i.type))) continue;
      const rules = RULES[`${source.artifact}.${name}`];
      if (rules === undefined) {
        if (IGNORED.has(name)) continue;
        unclassified.push({
          block: log.blockNumber,
          txHash: log.transactionHash,
          contract: source.name,
          event: name,
          args: names_.map((n, k) => `${n || k}=${String(parsed!.args[k])}`).join(", "),
        });
        continue;
      }
      for (const r of rules) {
        if (parsed.args[r.who] !== account) continue;
        if (r.when !== undefined && !r.when(parsed.args)) continue;
        const amount = r.amount(parsed.args);
        if (amount === 0n) continue;
        const token = await resolve(r.token, source, parsed.args);
        pending.push({
          block: log.blockNumber,
          txHash: log.transactionHash,
          logIndex: log.index,
          order: pending.length,
          contract: source.name,
          event: name,
          kind: r.kind,
          direction: r.direction,
          token: token.symbol,
          tokenAddress: token.address,
          amount,
          decimals: token.decimals,
          note:
            typeof r.note === "function"
              ? r.note(parsed.args, (v) => `${human(v, token.decimals)} ${token.symbol}`)
              : (r.note ?? ""),
        });
      }
    }
  }

  // Market settlements: parties from ChannelOpened, the provider's share from its lifetime earnings.
  if (marketSource !== undefined && settled.length > 0) {
    const market = await ethers.getContractAt("InferenceMarket", marketSource.address);
    const parties = new Map<bigint, { consumer: string; provider: string }>();
    for (const e of await market.queryFilter(market.filters.ChannelOpened(), 0, toBlock)) {
      parties.set(e.args.channel, { consumer: e.args.consumer, provider: e.args.provider });
    }
    // Every settlement of a (block, provider) group, so the share of each is known.
    const groups = new Map<string, { log: Log; total: bigint; consumer: string }[]>();
    for (const { log, parsed } of settled) {
      const p = parties.get(parsed.args.channel as bigint);
      if (p === undefined) continue;
      const key = `${log.blockNumber}:${p.provider}`;
      const total = (parsed.args.baseFee as bigint) + (parsed.args.priorityFee as bigint);
      groups.set(key, [...(groups.get(key) ?? []), { log, total, consumer: p.consumer }]);
    }
    const token = await tokenOf(addresses.token);
    for (const [key, group] of groups) {
      const [blockText, providerAddress] = key.split(":");
      const block = Number(blockText);
      if (providerAddress !== account && !group.some((g) => g.consumer === account)) continue;
      const [, after] = await market.earningsOf(providerAddress, { blockTag: block });
      const [, before] = await market.earningsOf(providerAddress, { blockTag: block - 1 });
      const credited = after - before;
      const sum = group.reduce((s, g) => s + g.total, 0n);
      let left = credited;
      group.forEach((g, i) => {
        const share = i === group.length - 1 ? left : sum === 0n ? 0n : (credited * g.total) / sum;
        left -= share;
        const note = group.length > 1 ? `provider share split over ${group.length} settlements in the block` : "";
        const base = {
          block,
          txHash: g.log.transactionHash,
          logIndex: g.log.index,
          contract: marketSource!.name,
          event: "Settled",
          token: token.symbol,
          tokenAddress: token.address,
          decimals: token.decimals,
        };
        if (g.consumer === account) {
          pending.push({ ...base, order: pending.length, kind: "payment", direction: "out", amount: share, note });
          if (g.total > share) {
            pending.push({
              ...base,
              order: pending.length,
              kind: "fee",
              direction: "out",
              amount: g.total - share,
              note: "protocol's part of the charge (fee split)",
            });
          }
        }
        if (providerAddress === account) {
          pending.push({ ...base, order: pending.length, kind: "payment", direction: "in", amount: share, note });
        }
      });
    }
  }

  // Transfers that no ruled row of their transaction accounts for.
  for (const { log, source, from, to, value } of transfers) {
    const direction = from === account ? "out" : "in";
    const covered = pending.some(
      (p) =>
        p.txHash === log.transactionHash &&
        p.direction === direction &&
        p.tokenAddress.toLowerCase() === source.address.toLowerCase() &&
        p.event !== "Transfer",
    );
    if (covered || from === to) continue;
    const counterparty = direction === "out" ? to : from;
    const protocol = names.get(counterparty.toLowerCase());
    let kind: Kind = "transfer";
    let contract = source.name;
    const label = labels.get(counterparty.toLowerCase());
    let note = `${direction === "out" ? "to" : "from"} ${label === undefined ? counterparty : `${label} (${counterparty})`}`;
    if (counterparty === ZeroAddress) {
      kind = direction === "out" ? "burn" : "mint";
      note = "";
    } else if (protocol !== undefined && protocol !== source.name) {
      kind = direction === "out" ? "deposit" : "withdrawal";
      contract = protocol;
      note = `token transfer ${direction === "out" ? "to" : "from"} ${protocol}`;
    }
    pending.push({
      block: log.blockNumber,
      txHash: log.transactionHash,
      logIndex: log.index,
      order: pending.length,
      contract,
      event: "Transfer",
      kind,
      direction,
      token: source.erc20!.symbol,
      tokenAddress: source.address,
      amount: value,
      decimals: source.erc20!.decimals,
      note,
    });
  }

  pending.sort((a, b) => a.block - b.block || a.logIndex - b.logIndex || a.order - b.order);

  // USD at each row's block.
  const oracle =
    addresses.oracle === undefined ? undefined : await ethers.getContractAt("OracleRouter", addresses.oracle);
  const priceSource =
    oracle === undefined
      ? "none: this preset deploys no price source, so the USD columns are empty"
      : `OracleRouter ${addresses.oracle} (Chainlink-style feeds) at each row's block: collateralPrice() for ` +
        `the preset's token, ethPrice() for ETH; the stablecoin at par (1 USD); other tokens unpriced`;
  const prices = new Map<string, { price?: bigint; note: string }>();
  const priceAt = async (token: string, block: number) => {
    const key = `${token.toLowerCase()}:${block}`;
    let p = prices.get(key);
    if (p !== undefined) return p;
    if (oracle === undefined) p = { note: "no price source in this preset" };
    else if (options.stable !== undefined && token.toLowerCase() === options.stable.toLowerCase())
      p = { price: 10n ** 18n, note: "stablecoin at par" };
    else if (token.toLowerCase() === addresses.token.toLowerCase() || token === ZeroAddress) {
      try {
        const read = token === ZeroAddress ? oracle.ethPrice : oracle.collateralPrice;
        p = { price: await read({ blockTag: block }), note: "" };
      } catch (error) {
        const data = (error as { data?: string }).data;
        const decoded = typeof data === "string" ? oracle.interface.parseError(data) : null;
        p = { note: `oracle refused the price at this block (${decoded?.name ?? "reverted"})` };
      }
    } else p = { note: "no price for this token" };
    prices.set(key, p);
    return p;
  };

  const rows: StatementRow[] = [];
  for (const p of pending) {
    const { order: _, ...row } = p;
    const { timestamp } = await blockOf(p.block);
    const price = await priceAt(p.tokenAddress, p.block);
    const usdCents =
      price.price === undefined
        ? undefined
        : (p.amount * price.price * 100n + 10n ** BigInt(18 + p.decimals) / 2n) / 10n ** BigInt(18 + p.decimals);
    rows.push({
      ...row,
      date: new Date(timestamp * 1000).toISOString(),
      usdPrice: price.price,
      usdCents,
      note: [row.note, price.note].filter((s) => s !== "").join("; "),
    });
  }

  const { chainId } = await provider.getNetwork();
  return {
    system: options.system,
    account,
    network: connection.networkName,
    chainId,
    fromBlock,
    toBlock,
    priceSource,
    rows,
    unclassified,
  };
}

// ---- output

/** Base units in human units, every significant decimal (`1234.5`). */
export function human(amount: bigint, decimals: number): string {
  const s = formatUnits(amount, decimals);
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}

const cents = (c: bigint | undefined) =>
  c === undefined
    ? ""
    : `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, "0")}`;

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const CSV_HEADER = [
  "date",
  "block",
  "tx_hash",
  "contract",
  "event",
  "kind",
  "direction",
  "token",
  "amount",
  "usd_price",
  "usd_value",
  "note",
];

/** The statement as CSV, one row per line after the header. */
export function statementCsv(s: Statement): string {
  const lines = [CSV_HEADER.join(",")];
  for (const r of s.rows) {
    lines.push(
      [
        r.date,
        String(r.block),
        r.txHash,
        r.contract,
        r.event,
        r.kind,
        r.direction,
        r.token,
        human(r.amount, r.decimals),
        r.usdPrice === undefined ? "" : human(r.usdPrice, 18),
        cents(r.usdCents),
        r.note,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** Per kind and token: the number of rows, totals in and out, and USD totals where valued. */
export interface SummaryLine {
  kind: Kind;
  token: string;
  count: number;
  in: string;
  out: string;
  usdIn: string;
  usdOut: string;
}

export function statementSummary(s: Statement): SummaryLine[] {
  const acc = new Map<
    string,
    {
      kind: Kind;
      token: string;
      decimals: number;
      count: number;
      in: bigint;
      out: bigint;
      usdIn?: bigint;
      usdOut?: bigint;
    }
  >();
  for (const r of s.rows) {
    const key = `${r.kind}:${r.token}`;
    const a = acc.get(key) ?? { kind: r.kind, token: r.token, decimals: r.decimals, count: 0, in: 0n, out: 0n };
    a.count++;
    if (r.direction === "in") {
      a.in += r.amount;
      if (r.usdCents !== undefined) a.usdIn = (a.usdIn ?? 0n) + r.usdCents;
    } else {
      a.out += r.amount;
      if (r.usdCents !== undefined) a.usdOut = (a.usdOut ?? 0n) + r.usdCents;
    }
    acc.set(key, a);
  }
  return [...acc.values()]
    .sort((x, y) => KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind) || x.token.localeCompare(y.token))
    .map((a) => ({
      kind: a.kind,
      token: a.token,
      count: a.count,
      in: human(a.in, a.decimals),
      out: human(a.out, a.decimals),
      usdIn: cents(a.usdIn),
      usdOut: cents(a.usdOut),
    }));
}

/** The statement as Markdown: what it is, the totals per kind, every row, and the unclassified events. */
export function statementMarkdown(s: Statement, presetName: string): string {
  const md = (v: string) => v.replace(/\|/g, "\\|");
  const lines = [
    `# Statement of ${s.account}`,
    "",
    `${presetName} on ${s.network} (chain ${s.chainId}), blocks ${s.fromBlock} to ${s.toBlock}. Read from the ` +
      "contracts' events (scripts/lib/statement.ts); amounts in whole tokens.",
    "",
    `USD values: ${s.priceSource}.`,
    "",
    "## Totals per kind",
    "",
    "| kind | token | rows | in | out | USD in | USD out |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...statementSummary(s).map(
      (l) => `| ${l.kind} | ${l.token} | ${l.count} | ${l.in} | ${l.out} | ${l.usdIn} | ${l.usdOut} |`,
    ),
    "",
    "## Rows",
    "",
    "| date | block | tx | contract | event | kind | dir | token | amount | USD price | USD value | note |",
    "| --- | ---: | --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |",
    ...s.rows.map(
      (r) =>
        `| ${r.date} | ${r.block} | ${r.txHash.slice(0, 10)}… | ${r.contract} | ${r.event} | ${r.kind} | ${r.direction} | ` +
        `${r.token} | ${human(r.amount, r.decimals)} | ${r.usdPrice === undefined ? "" : human(r.usdPrice, 18)} | ` +
        `${cents(r.usdCents)} | ${md(r.note)} |`,
    ),
  ];
  if (s.rows.length === 0) lines.push("", "No rows in this range.");
  lines.push("", "## Events naming the account without a rule (not valued)", "");
  if (s.unclassified.length === 0) lines.push("None.");
  else {
    lines.push("| block | tx | contract | event | arguments |", "| ---: | --- | --- | --- | --- |");
    for (const u of s.unclassified) {
      lines.push(`| ${u.block} | ${u.txHash.slice(0, 10)}… | ${u.contract} | ${u.event} | ${md(u.args)} |`);
    }
  }
  lines.push(
    "",
    "Not covered: value that moves without an event naming the account (a delegator's share of a provider's " +
      "slash, rewards accrued but not claimed, interest accruing on debt or vault shares), native ETH sent " +
      "outside the protocol's events, and tokens other than the preset's, the stablecoin and issuer tokens. A " +
      "transfer in the same transaction, token and direction as a ruled row is read as that row's movement. The " +
      "events read and their kinds: RULES in scripts/lib/statement.ts; docs/deploy.md, Statements.",
  );
  return lines.join("\n") + "\n";
}

/** Writes `<dir>/statement-<preset>-<account's first 8 hex digits>.csv` and `.md`; returns their paths. */
export async function writeStatement(
  s: Statement,
  dir: string,
  presetName: string,
): Promise<{ csv: string; md: string }> {
  await mkdir(dir, { recursive: true });
  const base = path.join(dir, `statement-${s.system}-${s.account.slice(0, 10).toLowerCase()}`);
  await writeFile(`${base}.csv`, statementCsv(s));
  await writeFile(`${base}.md`, statementMarkdown(s, presetName));
  return { csv: `${base}.csv`, md: `${base}.md` };
}

/** The statement in a few lines: its rows and unclassified events, then per kind and token the count and totals. */
export function summaryText(s: Statement, presetName: string): string {
  const lines = [
    `Statement of ${s.account} in ${presetName}, blocks ${s.fromBlock}-${s.toBlock}: ${s.rows.length} rows, ` +
      `${s.unclassified.length} unclassified events`,
  ];
  for (const l of statementSummary(s)) {
    const usd = l.usdIn === "" && l.usdOut === "" ? "" : ` (USD in ${l.usdIn || "-"}, out ${l.usdOut || "-"})`;
    lines.push(`  ${l.kind}: ${l.count} rows, in ${l.in} ${l.token}, out ${l.out} ${l.token}${usd}`);
  }
  lines.push(`USD values: ${s.priceSource}.`);
  return lines.join("\n");
}
