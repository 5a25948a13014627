/** The shape of a preset's governance settings (see docs/governance.md). */
import type { Governed } from "../lib/governed.js";

/** Names of the proposal classes the governance deploy knows how to map calls to. */
export type ProposalClassName =
  "treasury" | "economic" | "technical" | "access" | "emergency" | "emergencyParameter" | "worker";

/** A class of proposals: its approval threshold, its timelock route and who may propose it. */
export interface ProposalClassPreset {
  name: ProposalClassName;
  /** Share of for + against votes that must be for, in bps (abstain counts toward quorum only). */
  thresholdBps: number;
  /** Whether proposals of this class go through the emergency timelock. */
  emergency: boolean;
  /** Staked voting weight the proposer must hold one second before proposing, in token wei (0: none). */
  minProposerWeight: bigint;
}

/** A governed number (one type for every module: `lib/governed.ts`). */
export type BoundedParameter = Governed;

export interface GovernancePreset {
  /** The governor's name (also its EIP-712 domain). */
  name: string;
  /** Discussion period between a proposal and its snapshot, in seconds. */
  votingDelay: bigint;
  /** Voting period, in seconds. */
  votingPeriod: bigint;
  /** Timelock delay of normal proposals, in seconds. */
  normalDelay: bigint;
  /** Timelock delay of emergency proposals, in seconds. */
  emergencyDelay: bigint;
  /** Quorum (for + against + abstain), in bps of the token's total supply at the snapshot. */
  quorumBps: number;
  /** Deposit taken at propose, in token wei (governed). */
  proposalDeposit: BoundedParameter;
  /** How long a guardian pause lasts unless governance confirms it, in seconds (governed, per module). */
  pauseDuration: BoundedParameter;
  /** The classes, in id order (at most 8). */
  classes: ProposalClassPreset[];
  /** The class of calls nobody mapped. */
  defaultClass: ProposalClassName;
  /** The guardian Safe: its signing threshold and number of owners. */
  guardian: { threshold: number; owners: number };
}

/** Worker proposals (QRY): grants streamed from a worker pool, proposable only with a minimum stake. */
export interface WorkerProposalsPreset {
  /** The class worker grants fall in (its `minProposerWeight` is the minimum stake). */
  workerClass: ProposalClassName;
  /** The pool's guardian pause duration. */
  pauseDuration: BoundedParameter;
}
