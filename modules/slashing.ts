/**
 * The slashing module's preset type: `deploy/modules/Slashing.ts` deploys it over a staking module,
 * `presets/quiver/slashing.ts` holds QUIVer's numbers.
 */
import type { Governed } from "../lib/governed.js";

/** A class range of the slasher, in bps: both ends governed. */
export interface ClassRangePreset {
  minBps: Governed;
  maxBps: Governed;
}

/**
 * A preset's slashing numbers: the slasher's classes and cap window, the court's economics (all governed, with
 * their registry bounds) and the metrics registry's fixed configuration (`IMetricsRegistry.Config` without `start`,
 * which is the deployment's).
 */
export interface SlashingPreset {
  slasher: {
    minor: ClassRangePreset;
    major: ClassRangePreset;
    severe: ClassRangePreset;
    /** Seconds. */
    capWindow: Governed;
  };
  court: {
    /** Token wei. */
    minChallengeStake: Governed;
    challengeStakeBps: Governed;
    /** Seconds. */
    votingPeriod: Governed;
    quorumBps: Governed;
    minQuorum: Governed;
    majorityBps: Governed;
    challengerRewardBps: Governed;
    providerShareBps: Governed;
    validatorFeeBps: Governed;
    /** Token wei. */
    validatorBond: Governed;
    maxMissedVotes: Governed;
  };
  metrics: {
    /** Seconds. */
    epochLength: bigint;
    windowEpochs: bigint;
    /** Seconds. */
    attestationWindow: bigint;
    minUptimeBps: bigint;
    latencyBreachBps: bigint;
    minAttestations: bigint;
    fastResponseMs: bigint;
    /** Uptime, accuracy, latency, reputation stake; sum 10,000. */
    trustWeightsBps: [bigint, bigint, bigint, bigint];
    /** Seconds. */
    disputeWindow: bigint;
    /** Largest advertised latency and the latency of a provider that advertised none, ms. */
    maxLatencyMs: bigint;
  };
}
