import type { GovernancePreset } from "../../modules/governance.js";

const DAY = 86_400n;
const QUIV = 10n ** 18n;

/**
 * QUIVer governance (docs/economics/quiver.md).
 *
 * Readings where QUIVer's rules are silent or ambiguous:
 * - Thresholds are shares of for + against votes; abstain counts toward the quorum only.
 * - Quorum (our choice): 4% of the token's total supply at the snapshot, counting every vote cast.
 *   Total supply rather than "circulating" because it is checkpointed by the token and cannot be gamed.
 * - Emergency proposals keep the 7-day discussion and 14-day vote; only their timelock is shorter (48 hours).
 * - "Access" (our addition): calls that rewire powers (the AccessManager, both timelocks, the classifier,
 *   the governor, parameter registration) need the emergency-parameter majority, 80%, through the normal
 *   7-day timelock: otherwise a 60% technical proposal could grant itself emergency powers.
 * - Unknown calls are technical (60%): the strictest normal class of the design, since an unmapped call is
 *   most likely an upgrade, and a stricter default makes wrapping a call in another contract useless.
 * - The deposit (a "staking requirement") and the guardian's pause duration are governed, within bounds.
 *   The pause must outlast an emergency confirmation: 7 + 14 days of vote + 2 days of timelock = 23 days.
 */
export const quiverGovernance: GovernancePreset = {
  name: "QUIVer Governor",
  votingDelay: 7n * DAY,
  votingPeriod: 14n * DAY,
  normalDelay: 7n * DAY,
  emergencyDelay: 2n * DAY,
  quorumBps: 400,
  proposalDeposit: { value: 100_000n * QUIV, min: 10_000n * QUIV, max: 1_000_000n * QUIV, minStep: 0n },
  pauseDuration: { value: 30n * DAY, min: 24n * DAY, max: 90n * DAY, minStep: DAY },
  classes: [
    { name: "treasury", thresholdBps: 5_000, emergency: false, minProposerWeight: 0n },
    { name: "economic", thresholdBps: 5_500, emergency: false, minProposerWeight: 0n },
    { name: "technical", thresholdBps: 6_000, emergency: false, minProposerWeight: 0n },
    { name: "access", thresholdBps: 8_000, emergency: false, minProposerWeight: 0n },
    { name: "emergency", thresholdBps: 7_500, emergency: true, minProposerWeight: 0n },
    { name: "emergencyParameter", thresholdBps: 8_000, emergency: true, minProposerWeight: 0n },
  ],
  defaultClass: "technical",
  guardian: { threshold: 5, owners: 9 },
};
