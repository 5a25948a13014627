/**
 * Qutoken preset, issuer platform (issue 10): QUT and the numbers the issuance module is deployed with.
 *
 * Qutoken's rules describe the platform's economics without a single number: every value below is our choice,
 * with its reason. Amounts are in wei of QUT (18 decimals); periods in seconds. Each governed number is
 * registered in the ParameterRegistry with the hard bounds under `bounds`; inside them governance moves it
 * at most 20% per quarter (the registry's rate limit), the emergency path skips the rate limit only.
 */

import type { IssuancePreset } from "../../modules/issuance.js";

const QUT = 10n ** 18n;
const DAY = 86_400n;

/**
 * QUT, the system token: the shared ProtocolToken under Qutoken's name. Qutoken's rules give no supply; 1 billion
 * is the kit's default cap (as for QUIVer), so every stake, fee and reward figure below is a small, readable
 * fraction of it.
 */
export const QUTOKEN_TOKEN = {
  name: "Qutoken",
  symbol: "QUT",
  cap: 1_000_000_000n * QUT,
} as const;

export const QUTOKEN_ISSUANCE: IssuancePreset = {
  // Three tiers, five-fold apart in stake and in slots. Tier 1 (10,000 QUT, 0.001% of supply) is a real
  // commitment for a small business yet cheap next to the damage of broken terms, and gives one slot: one
  // project token. Tier 2 (50,000) covers a business with a handful of products or pools; tier 3 (250,000)
  // a platform-scale issuer. Slots grow with stake (1 / 5 / 25) so stake per slot stays 10,000 QUT at
  // every tier: a slot always costs the same, bigger issuers get no discount on accountability.
  tiers: [
    { minStake: 10_000n * QUT, slots: 1n },
    { minStake: 50_000n * QUT, slots: 5n },
    { minStake: 250_000n * QUT, slots: 25n },
  ],
  // 35 days: longer than the slowest governance path to a slash or a suspension (7-day voting delay, 14-day
  // vote, 7-day timelock: 28 days), so an issuer who asks its stake out when a proposal against it appears is
  // still slashable when the proposal executes. The registry refuses anything under 30 days.
  unstakeNoticePeriod: 35n * DAY,
  // 1,000 QUT per token (10% of the tier 1 stake): a deterrent to spam tokens, not a barrier.
  creationFee: 1_000n * QUT,
  // 90 days (a quarter) to claim partner rewards; the unclaimed remainder then returns to the pool.
  partnerClaimWindow: 90n * DAY,
  bounds: {
    // Each stake level may move between a tenth and a hundred times its starting value.
    tier1MinStake: { min: 1_000n * QUT, max: 1_000_000n * QUT, minStep: 0n },
    tier2MinStake: { min: 5_000n * QUT, max: 5_000_000n * QUT, minStep: 0n },
    tier3MinStake: { min: 25_000n * QUT, max: 25_000_000n * QUT, minStep: 0n },
    // Slot counts are small integers: a minimum step of 1 so they can move at all under the 20% rule.
    tier1Slots: { min: 1n, max: 10n, minStep: 1n },
    tier2Slots: { min: 1n, max: 50n, minStep: 1n },
    tier3Slots: { min: 1n, max: 250n, minStep: 1n },
    // Never under the registry's floor of 30 days (the governance path), never over a quarter.
    unstakeNoticePeriod: { min: 30n * DAY, max: 90n * DAY, minStep: 1n * DAY },
    // Free creation is allowed; 100 QUT steps let the fee come back from zero.
    creationFee: { min: 0n, max: 100_000n * QUT, minStep: 100n * QUT },
    partnerClaimWindow: { min: 7n * DAY, max: 365n * DAY, minStep: 1n * DAY },
  },
};

/*
 * Fee shares. Every fee (token creation, services) goes 100% to one fee recipient, the treasury, through
 * IssuerRegistry's single internal fee function; the split between treasury, burn and partners belongs to
 * the market module's fee router, which replaces the recipient when it lands (`setFeeRecipient`, governor).
 *
 * Slashing. Slashed QUT is burned, not sent to the treasury: governance gains nothing from slashing, and
 * the burn shrinks supply as Qutoken's balance principle asks.
 */
