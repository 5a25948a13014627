import { TOKEN, YEAR } from "../../lib/units.js";
import type { SupplyPreset } from "../../modules/supply.js";
import { QUTOKEN_TOKEN } from "./issuance.js";

const M = 1_000_000n * TOKEN;

/**
 * Qutoken supply (docs/economics/qutoken.md). QUT is a utility token, not meant for speculation, public trading
 * or fundraising; its circulating supply follows the ecosystem's activity, and partners earn QUT for integrations
 * and activity. Qutoken's rules give no numbers; readings:
 *
 * - The whole 1B cap (QUTOKEN_TOKEN) is minted at genesis and nothing later (cap = supply): every source of QUT is
 *   this table, verifiable on-chain ("transparency").
 * - No investor or public-sale allocation (no fundraising).
 * - Platform treasury 40% (400M), held by governance's Treasury: QUT reaches circulation as governance spends it on
 *   the platform's activity, so circulation follows activity rather than a calendar.
 * - Partner & integrator rewards 20% (200M), streamed by the emission controller at 20M a year for 10 years to the
 *   partner-rewards distributor, which funds the Merkle periods of PartnerRewards (`fund`, then `startPeriod`).
 * - Team & contributors 15% (150M): 4 years, 1-year cliff, revocable.
 * - Issuer onboarding & ecosystem 15% (150M): 10% at launch, the rest over 5 years, revocable (an ecosystem fund
 *   the DAO can reclaim); pays issuers' first stakes and integrations.
 * - Operations & liquidity 10% (100M) at launch: fees, access credits and exchange liquidity for the first users.
 */
export const qutokenSupply: SupplyPreset = {
  system: "qutoken",
  token: { ...QUTOKEN_TOKEN },
  totalSupply: 1_000n * M,
  treasury: "treasury",
  allocations: [
    { kind: "direct", name: "Platform treasury (40%, DAO)", to: "treasury", amount: 400n * M },
    { kind: "emission", name: "Partner & integrator rewards (20%, 10 years)", amount: 200n * M },
    {
      kind: "vesting",
      name: "Team & contributors (15%, 4 years, 1-year cliff)",
      beneficiary: "team",
      amount: 150n * M,
      cliffSeconds: YEAR,
      durationSeconds: 4n * YEAR,
      startUnlockBps: 0,
      revocable: true,
    },
    {
      kind: "vesting",
      name: "Issuer onboarding & ecosystem (15%, 10% at launch, 5 years)",
      beneficiary: "ecosystem",
      amount: 150n * M,
      cliffSeconds: 0n,
      durationSeconds: 5n * YEAR,
      startUnlockBps: 1_000,
      revocable: true,
    },
    { kind: "direct", name: "Operations & liquidity (10%, at launch)", to: "operations", amount: 100n * M },
  ],
  emission: {
    mode: "hold",
    yearlyAmounts: Array.from({ length: 10 }, () => 20n * M),
    halvingYears: 4n,
    cap: 200n * M,
    recipients: [
      {
        name: "Partner rewards distributor",
        target: { kind: "account", account: "partnerRewardsDistributor" },
        startBps: 10_000,
        endBps: 10_000,
        notify: false,
      },
    ],
    mix: { startOffset: 0n, endOffset: 0n },
  },
};
