import { DAY, TOKEN, YEAR } from "../../lib/units.js";
import type { SupplyPreset } from "../../modules/supply.js";

const M = 1_000_000n * TOKEN;

/**
 * QUIVer supply (docs/economics/quiver.md). 1,000,000,000 QUIV minted once at genesis; no minter
 * afterwards (the token cap equals the supply).
 *
 * Readings:
 * - Every schedule starts at the TGE, which is also the emission start. A year is 365 days; "6 months" is half
 *   of it (15,768,000 s). Vesting is linear from the start; a cliff holds it back, then releases everything
 *   vested since the start (team: 25% at the 1-year cliff).
 * - "Initial circulating supply 150M (15%)" does not follow from the table: liquidity (50M) plus 25% of the
 *   public sale (25M) is 75M unlocked at the TGE. We follow the table.
 * - Team and ecosystem schedules are revocable by governance (contributors who leave, a fund the DAO can
 *   reclaim); investor and public-sale schedules are not (bought tokens).
 * - Emission (docs/economics/quiver.md): 70M, 52.5M, 35M x 2, 21M x 6 (318.5M by year 10), then the yearly amount halves
 *   every 4 years (10.5M from year 11); capped by the 350M allocation, reached exactly at the end of year 13.
 * - "Unused provider rewards after 180 days" are burned: the provider-rewards stream goes into an
 *   EpochRewardPool with 30-day epochs; the provider-rewards distributor claims from it; a bucket unclaimed 180
 *   days after its epoch ends can be burned by anyone.
 */
export const quiverSupply: SupplyPreset = {
  system: "quiver",
  token: { name: "QUIVer", symbol: "QUIV", cap: 1_000n * M },
  totalSupply: 1_000n * M,
  treasury: "treasury",
  allocations: [
    { kind: "emission", name: "Provider rewards (35%, 10-year emission)", amount: 350n * M },
    { kind: "direct", name: "Community treasury (20%, DAO)", to: "treasury", amount: 200n * M },
    {
      kind: "vesting",
      name: "Team & advisors (15%, 4 years, 1-year cliff)",
      beneficiary: "team",
      amount: 150n * M,
      cliffSeconds: YEAR,
      durationSeconds: 4n * YEAR,
      startUnlockBps: 0,
      revocable: true,
    },
    {
      kind: "vesting",
      name: "Early investors (10%, 3 years, 6-month cliff)",
      beneficiary: "investors",
      amount: 100n * M,
      cliffSeconds: YEAR / 2n,
      durationSeconds: 3n * YEAR,
      startUnlockBps: 0,
      revocable: false,
    },
    {
      kind: "vesting",
      name: "Public sale (10%, 25% at TGE, 75% over 1 year)",
      beneficiary: "publicSale",
      amount: 100n * M,
      cliffSeconds: 0n,
      durationSeconds: YEAR,
      startUnlockBps: 2_500,
      revocable: false,
    },
    {
      kind: "vesting",
      name: "Ecosystem development (5%, 5 years)",
      beneficiary: "ecosystem",
      amount: 50n * M,
      cliffSeconds: 0n,
      durationSeconds: 5n * YEAR,
      startUnlockBps: 0,
      revocable: true,
    },
    { kind: "direct", name: "Liquidity provisions (5%, at TGE)", to: "liquidity", amount: 50n * M },
  ],
  emission: {
    mode: "hold",
    yearlyAmounts: [70n * M, 52n * M + M / 2n, 35n * M, 35n * M, 21n * M, 21n * M, 21n * M, 21n * M, 21n * M, 21n * M],
    halvingYears: 4n,
    cap: 350n * M,
    recipients: [
      { name: "Provider rewards pool", target: { kind: "epochPool" }, startBps: 10_000, endBps: 10_000, notify: true },
    ],
    mix: { startOffset: 0n, endOffset: 0n },
    epochPool: { epochSeconds: 30n * DAY, claimWindowSeconds: 180n * DAY, claimer: "providerRewardsDistributor" },
  },
};
