import type { SlashingPreset } from "../../modules/slashing.js";

const QUIV = 10n ** 18n;
const DAY = 86_400n;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QUIVer slashing, challenges and reputation (docs/economics/quiver.md; readings in
 * docs/slashing.md).
 *
 * Slasher:
 * - Classes (4.3): minor 1-5%, major 5-15%, severe 15-20% plus a ban. "Slashing percentages" are adjustable (6.3), so
 *   all six ends are governed; the bounds keep each class near QUIVer's range and below staking's own 50% ceiling.
 *   A slash never exceeds the provider tier's maximum (4.1: 5 / 10 / 15 / 20%, staking's governed numbers): a Bronze
 *   provider's severe infraction takes 5% (and bans).
 * - Cap window (our choice): slashes of one class add up over 30 days against the class and tier caps, so a burst
 *   of evidence about one outage cannot take more than one class maximum a month; "repeated minor infractions" are a
 *   major infraction (4.3), for the court or the emergency path. Governed between 1 and 365 days.
 *
 * Court (1.1: consumers challenge results by staking QUIV, validators are rewarded; QUIVer's rules give no numbers):
 * - Stake: 1,000 QUIV plus 10% of the challenged result's value, so frivolous challenges cost and large results need
 *   larger stakes.
 * - Votes: 3 days; quorum half of the active validators and at least 3; upheld by a simple majority of the votes cast
 *   (a tie rejects: a provider is not slashed on an even split).
 * - Upheld: stake back plus a 20% reward from the reward pool. Rejected: half the stake to the provider (compensation
 *   for a false accusation), half burned. No quorum: stake back. Validators on the winning side share a fee of 10%
 *   of the stake from the reward pool, which the market's 0.5% validator fee (5.2) and the treasury fund; nothing is
 *   minted and the slashed stake itself is burned in full (5.3).
 * - Validators register with a 10,000 QUIV bond (one vote each: the bond prices a Sybil) and become reportable
 *   after missing 5 challenges in a row.
 *
 * Metrics (4.2, 4.3):
 * - Daily epochs ("uptime < 95% in 24 hours"), a 90-epoch rolling window ("90-day rolling average"), attestations
 *   during the day after an epoch; an uptime below 95% or a response time above 2x the advertised latency breaches;
 *   a trigger needs at least 3 attestations, a majority of which breach.
 * - Trust score 0-1,000 (4.2 "composite metric"): uptime 40%, accuracy 30%, latency 20% (full at the 100 ms speed
 *   bonus threshold of 3.1), reputation stake 10%. User ratings are off-chain and not part of it.
 * - Disputes of an attested epoch may be filed for 7 days after it ends.
 * - Latency (4.3 "response time > 2x advertised" must not be opt-in): a provider advertises at most 2,000 ms, and one
 *   that advertised nothing is held to 2,000 ms, so a response above 4 s always breaches.
 * - Every trigger and court decision is weighed by validator bonds against the whole active set: a slash needs the
 *   bonds of more than half the set (docs/slashing.md, "Cost of a false slash").
 */
export const quiverSlashing: SlashingPreset = {
  slasher: {
    minor: { minBps: g(100n, 50n, 500n, 50n), maxBps: g(500n, 100n, 1_000n, 50n) },
    major: { minBps: g(500n, 100n, 1_500n, 50n), maxBps: g(1_500n, 500n, 3_000n, 100n) },
    severe: { minBps: g(1_500n, 500n, 3_000n, 100n), maxBps: g(2_000n, 1_000n, 5_000n, 100n) },
    capWindow: g(30n * DAY, DAY, 365n * DAY, DAY),
  },
  court: {
    minChallengeStake: g(1_000n * QUIV, 100n * QUIV, 100_000n * QUIV),
    challengeStakeBps: g(1_000n, 0n, 10_000n, 100n),
    votingPeriod: g(3n * DAY, DAY, 14n * DAY, DAY),
    quorumBps: g(5_000n, 1_000n, 10_000n, 500n),
    minQuorum: g(3n, 1n, 21n, 1n),
    majorityBps: g(5_000n, 5_000n, 9_000n, 500n),
    challengerRewardBps: g(2_000n, 0n, 10_000n, 500n),
    providerShareBps: g(5_000n, 0n, 10_000n, 500n),
    validatorFeeBps: g(1_000n, 0n, 5_000n, 100n),
    validatorBond: g(10_000n * QUIV, 1_000n * QUIV, 1_000_000n * QUIV),
    maxMissedVotes: g(5n, 1n, 50n, 1n),
  },
  metrics: {
    epochLength: DAY,
    windowEpochs: 90n,
    attestationWindow: DAY,
    minUptimeBps: 9_500n,
    latencyBreachBps: 20_000n,
    minAttestations: 3n,
    fastResponseMs: 100n,
    trustWeightsBps: [4_000n, 3_000n, 2_000n, 1_000n],
    disputeWindow: 7n * DAY,
    maxLatencyMs: 2_000n,
  },
};
