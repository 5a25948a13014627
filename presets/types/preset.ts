/**
 * A system preset: every piece one token economy is deployed with, typed. Each system has an entry file
 * (`presets/<system>/index.ts`) that composes its pieces (`presets/<system>/<module>.ts`) into a `SystemPreset` and
 * validates it at load (`presets/validate.ts`); its Ignition module (`deploy/modules/presets/<System>.ts`) wires the
 * pieces on one token, AccessManager and ParameterRegistry and hands the admin role to the timelock.
 *
 * Extension points: a new module adds its preset type in `modules/<module>.ts`, an optional field here (as
 * `slashing?`, `market?` and `distribution?` did), a validator in `presets/validate.ts`, its piece files, and a step
 * in the preset modules that use it. A new economy is a folder `presets/<system>/` and one entry module.
 */
import type { LendingPreset } from "../../modules/lending.js";
import type { LockingPreset } from "../../modules/locking.js";
import type { SlashingPreset } from "../../modules/slashing.js";
import type { StakingPreset } from "../../modules/staking.js";
import type { IssuancePreset } from "../../modules/issuance.js";
import type { DistributionPreset } from "../../modules/distribution.js";
import type { GovernancePreset, WorkerProposalsPreset } from "../../modules/governance.js";
import type { MarketPreset } from "../../modules/market.js";
import type { ProgramsPreset } from "../../modules/programs.js";
import type { AccountName, SupplyPreset } from "../../modules/supply.js";
import type { DeflationPreset } from "../../modules/deflation.js";
import type { CompliancePreset } from "../../modules/compliance.js";

/** The four systems of the kit (another economy is a folder under presets/ with its own id: see presets/toy/). */
export const SYSTEMS = ["quiver", "qerun", "qry", "qutoken"] as const;
export type SystemId = (typeof SYSTEMS)[number];

/** The protocol token: the shared ProtocolToken under the system's name, with a cap on the lifetime total minted. */
export interface TokenPreset {
  name: string;
  symbol: string;
  /** In wei (18 decimals). */
  cap: bigint;
}

/**
 * Contracts of the preset's own deployment that a named account of a piece may stand for: the preset module passes
 * the contract instead of an address parameter (the supply's `treasury` is governance's Treasury, a reward stream's
 * account is the staking contract...).
 */
export type BindableContract = "treasury" | "staking" | "workerPool" | "distributionEngine";

/** The issuer platform's numbers and who opens partner-reward periods. */
export interface IssuanceSettings extends IssuancePreset {
  /** Named account holding ISSUANCE_PARTNER_DISTRIBUTOR (opens Merkle periods, funds them from its stream). */
  distributor: AccountName;
}

/** The QRY distribution's numbers and who registers its gateways, portals, challengers and consensus reporters. */
export interface DistributionSettings extends DistributionPreset {
  /**
   * Named account holding DISTRIBUTION_REGISTRAR: the admin of the gateway, portal, challenger and
   * consensus-reporter roles (an operations multisig; governance can replace it through the AccessManager).
   */
  registrar: AccountName;
}

/** The inference market's numbers and the named accounts it pays and that run it. */
export interface MarketSettings extends MarketPreset {
  /** Named account receiving the fee router's infrastructure share (the network operator). */
  infrastructure: AccountName;
  /**
   * Named account holding MARKET_CURATOR: corrects a model's complexity class and approves developers for the API
   * revenue share (an operations multisig; governance can replace it through the AccessManager).
   */
  curator: AccountName;
}

/** `Id`: the system id's type, the kit's four by default; any lowercase id for an economy of one's own. */
export interface SystemPreset<Id extends string = SystemId> {
  /**
   * A lowercase id, the prefix of its Ignition module ids (`qry` -> `Qry`): one of the kit's four (`SYSTEMS`) or an
   * economy of one's own (`presets/toy/` is one).
   */
  system: Id;
  /** Display name ("QUIVer"). */
  name: string;
  token: TokenPreset;
  /** Genesis, vesting and emission. Its `token` must equal the preset's `token`. */
  supply: SupplyPreset;
  /** Governor, timelocks, classes, guardian (every preset: the timelock owns what governance owns). */
  governance: GovernancePreset;
  /** Provider staking; its votes contract adds staked weight to governance's voting power. */
  staking?: StakingPreset;
  /** Worker proposals (QRY). */
  workerProposals?: WorkerProposalsPreset;
  /** Borrowing with the ETH reserve (Qerun). */
  lending?: LendingPreset;
  /**
   * Holder lock staking (votes, long-term rewards, reputation), access perks, LP incentives on the token/WETH Uniswap
   * V2 pool and the buyback-and-burn. Its VoteLocker is governance's voting weight (a preset has either this or
   * staking as its weight source). Needs the lending inputs' router and feeds.
   */
  locking?: LockingPreset;
  /** The issuer platform (Qutoken). */
  issuance?: IssuanceSettings;
  /**
   * The QRY distribution engine and its pools (subscriptions, square-root pools, availability, consensus,
   * stabilization). Needs staking (its stake reader and staking-rewards pool) and worker proposals.
   */
  distribution?: DistributionSettings;
  /**
   * Slashing, the challenge court and the metrics registry, over staking (needs a staking piece): the slasher holds
   * SLASHER on staking, the emergency timelock its emergency slash, the normal timelock bans and sources.
   */
  slashing?: SlashingPreset;
  /**
   * The inference market over staking (needs staking and slashing pieces): its validator fee goes to the challenge
   * court, its treasury share to governance's Treasury, its settlements are challenge subjects of the court.
   */
  market?: MarketSettings;
  /**
   * Provider programs (availability, diversity, loyalty) and paid-weighted ratings with feedback rewards, over the
   * market and the slashing piece's metrics registry (needs both). Their pools start empty: the holders of the named
   * allocations fund them by transfer (`funding` says how much from which), nothing is minted.
   */
  programs?: ProgramsPreset;
  /**
   * The deflation controller (QUIVer 5.3): one quarterly step of the market's burn share toward a band of yearly net
   * deflation, through the ParameterRegistry (needs the market piece and a hold-mode emission).
   */
  deflation?: DeflationPreset;
  /**
   * Opt-in compliance hooks (docs/compliance.md): a `ComplianceRegistry` the inference and licence markets and the
   * issuer tokens check for payments at or above its threshold. Off (absent) in the kit's four presets.
   */
  compliance?: CompliancePreset;
  /** Named accounts of the pieces that stand for contracts of the deployment rather than addresses. */
  bindings: Record<AccountName, BindableContract>;
}

/** Every named account the deployment needs an address for (the supply's and the pieces', minus bound ones). */
export function presetAccounts(preset: SystemPreset<string>): AccountName[] {
  const names = new Set<AccountName>();
  const s = preset.supply;
  names.add(s.treasury);
  for (const a of s.allocations) {
    if (a.kind === "direct") names.add(a.to);
    if (a.kind === "vesting") names.add(a.beneficiary);
  }
  for (const r of s.emission.recipients) if (r.target.kind === "account") names.add(r.target.account);
  if (s.emission.epochPool !== undefined) names.add(s.emission.epochPool.claimer);
  if (preset.issuance !== undefined) names.add(preset.issuance.distributor);
  if (preset.distribution !== undefined) names.add(preset.distribution.registrar);
  if (preset.market !== undefined) {
    names.add(preset.market.infrastructure);
    names.add(preset.market.curator);
  }
  if (preset.compliance !== undefined) names.add(preset.compliance.kycProvider);
  return [...names].filter((name) => preset.bindings[name] === undefined);
}
