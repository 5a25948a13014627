import { DAY, TOKEN, YEAR } from "../../lib/units.js";
import type { DistributionPreset } from "../../modules/distribution.js";

const WAD = 10n ** 18n;

/**
 * QRY distribution (docs/economics/qry.md; issue 9). QRY's rules give the formulas and two numbers (85% and
 * 15%); every other number is our reading, with its reason.
 */
export const qryDistribution: DistributionPreset = {
  // "Pools are funded per epoch (30 days by default)" (docs/economics/qry.md); a subscription month is one epoch.
  epochSeconds: 30n * DAY,
  // A quarter to claim, then what is left returns to the pool's reserve.
  claimWindowSeconds: 90n * DAY,
  // "Early stages (6 to 12 months)": the early mix holds for 6 months, then moves linearly to the mature mix by month
  // 12 (the supply preset's reading, moved here with the weights).
  mix: { startOffset: YEAR / 2n, endOffset: YEAR },
  // Early: availability, staking incentives (a part of them, "stabilization", establishes the AMM) and worker
  // proposals. Mature: providers (query fulfillment), portals and integrators. Consensus keeps a small share
  // throughout. These are the supply preset's seven streams with "consensus & stabilization" split in two: early
  // 10% consensus + 5% stabilization (taken from staking's 25%), mature 4% + 1%.
  pools: [
    { name: "queryFulfillment", startBps: 1_000, endBps: 4_000 },
    { name: "availability", startBps: 3_500, endBps: 1_000 },
    { name: "integrators", startBps: 0, endBps: 1_500 },
    { name: "portals", startBps: 0, endBps: 1_500 },
    { name: "workerProposals", startBps: 2_000, endBps: 500 },
    { name: "stakingRewards", startBps: 2_000, endBps: 1_000 },
    { name: "consensus", startBps: 1_000, endBps: 400 },
    { name: "stabilization", startBps: 500, endBps: 100 },
  ],
  // Usage at target pays exactly what came in. Targets sized against ~10.3M QRY issued per epoch in years 1-4:
  // revenue 1M QRY per epoch (subscriptions worth a tenth of issuance), 10,000 active subscriptions, 100M QRY bonded
  // (a tenth of the cap). Revenue weighs most (it is real demand), then subscriptions, then stake. Clamp [0.5x, 2x]
  // (the lead's example): an empty network still pays half, a busy one at most twice what came in, from reserves.
  usage: {
    revenueTarget: 1_000_000n * TOKEN,
    activeTarget: 10_000n,
    stakeTarget: 100_000_000n * TOKEN,
    revenueWeight: 5_000n,
    activeWeight: 3_000n,
    stakeWeight: 2_000n,
    minWad: WAD / 2n,
    maxWad: 2n * WAD,
  },
  // 10 QRY a month: keeps dust subscriptions (and the reports they would allow) out.
  minMonthlyPay: 10n * TOKEN,
  // One portal cannot move the usage multiplier alone: the subscriptions it sells and the renewals of them, paid in
  // one epoch, add at most 50,000 QRY of monthly pay to the measures (5% of the 1,000,000 QRY revenue target; the
  // active count in proportion). The rest is paid, credited to the pools and distributed, but not counted. A
  // subscription counts in at most 36 epochs, so one portal's share of any epoch's revenue measure is at most
  // 36 x 50,000 = 1,800,000 QRY, built over three years of sales paid in full.
  portalMeasureCap: 50_000n * TOKEN,
  // Every identity paid by a square-root pool (providers, integrators, portals) must bond the lowest service minimum
  // (10,000 QRY) in staking, checked at every credit and again at the claim: splitting one business into k
  // identities under the square root then costs k x 10,000 QRY bonded and slashable (docs/distribution.md measures
  // what that buys). Without it an integrator split 16 ways took 80% of the pool against an honest one of the same
  // size instead of 50%.
  minStake: { queryFulfillment: 10_000n * TOKEN, integrators: 10_000n * TOKEN, portals: 10_000n * TOKEN },
  // QRY rewards integrators and portals for the subscriptions they bring; their pools are funded mostly from
  // issuance (15% each of everything incoming at maturity, times the multiplier), so a share of the pool alone would
  // pay an integrator that pays itself many times over (audit: 3,600 QRY paid, 45,234 QRY claimed). Each identity
  // therefore claims at most 40% of the QRY it was credited in the epoch: an actor that is both the portal and the
  // integrator of its own payment gets back at most 80% of it (the bounds keep the two below 45% + 45% = 90%). 40% is
  // our reading: generous next to the pools' 15% + 15% of a payment at the 1x multiplier (2x: 30% + 30%), so honest
  // referrers are paid their pool share while value is scarce, and capped near QRY's weights once the network
  // is busy; the held-back part goes back to the pool's reserve at the sweep.
  claimCapBps: { integrators: 4_000n, portals: 4_000n },
  availability: {
    // 1,000 challenges per challenger per epoch (about one every 43 minutes): "the minimum number of challenges that
    // a provider must fulfill within each specified period, as defined in the Gateway code".
    quota: 1_000n,
    availabilityThresholdBps: 8_500n, // QRY: 85%
    activityThresholdBps: 8_500n, // QRY: 85%
    challengerShareBps: 1_500n, // QRY: 15% to challengers, 85% to providers
    // "The minimum staking demanded according to the service they provide": three tiers of service.
    services: [
      { name: "Query API (light node)", minStake: 10_000n * TOKEN },
      { name: "Full node RPC", minStake: 50_000n * TOKEN },
      { name: "Archive node and indexer", minStake: 200_000n * TOKEN },
    ],
  },
  bounds: {
    // At most a year less an epoch: with the epoch, the lock integrators and portals need stays within staking's
    // shortest maxLockDuration (a year; presets/validate.ts checks it).
    claimWindow: { min: 30n * DAY, max: YEAR - 30n * DAY, minStep: 0n },
    revenueTarget: { min: 10_000n * TOKEN, max: 1_000_000_000n * TOKEN, minStep: 0n },
    activeTarget: { min: 10n, max: 10_000_000n, minStep: 10n },
    stakeTarget: { min: 1_000_000n * TOKEN, max: 1_000_000_000n * TOKEN, minStep: 0n },
    usageWeight: { min: 0n, max: 10_000n, minStep: 500n },
    multiplierMin: { min: 0n, max: WAD, minStep: WAD / 20n },
    multiplierMax: { min: WAD, max: 10n * WAD, minStep: WAD / 10n },
    minMonthlyPay: { min: TOKEN, max: 10_000n * TOKEN, minStep: TOKEN },
    portalMeasureCap: { min: 1_000n * TOKEN, max: 1_000_000n * TOKEN, minStep: 1_000n * TOKEN },
    providerMinStake: { min: 1_000n * TOKEN, max: 1_000_000n * TOKEN, minStep: 0n },
    // Above zero: an integrator or portal identity always costs a bonded stake (Sybil splitting, docs/distribution.md).
    referralMinStake: { min: 1_000n * TOKEN, max: 1_000_000n * TOKEN, minStep: 1_000n * TOKEN },
    claimCapBps: { min: 1_000n, max: 4_500n, minStep: 500n },
    quota: { min: 10n, max: 1_000_000n, minStep: 10n },
    thresholdBps: { min: 5_000n, max: 10_000n, minStep: 100n },
    challengerShareBps: { min: 0n, max: 5_000n, minStep: 100n },
    serviceMinStake: { min: 1_000n * TOKEN, max: 10_000_000n * TOKEN, minStep: 0n },
  },
};
