import { TOKEN, YEAR } from "../../lib/units.js";
import type { Governed } from "../../lib/governed.js";
import { quiverGovernance } from "../quiver/governance.js";
import { qryStaking } from "../qry/staking.js";
import { definePreset } from "../validate.js";

const M = 1_000_000n * TOKEN;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n): Governed => ({ value, min, max, minStep });

/**
 * TOY: a fifth, toy economy, the proof that a new token economy is a new preset and not new code. This folder and
 * its entry module (`deploy/modules/presets/Toy.ts`) are all it took; `test/integration/ToyEconomy.ts` deploys it.
 * It is not one of the kit's four systems (`SYSTEMS`, `PRESETS`): nothing else lists it.
 *
 * - Token TOY, capped at 100M. Genesis mints the whole cap: 40M to the treasury (governance's Treasury), 10M to a
 *   team vesting over 2 years after a 6-month cliff, and the 50M emission allocation held by the emission controller.
 * - Emission: 10M a year for 5 years, all of it to the staking contract (notified, so it becomes the stakers' reward
 *   budget).
 * - Staking: QRY's numbers (delegators paid, maturity buckets, no tiers in use) with a 100 TOY provider minimum.
 * - Governance: QUIVer's classes and timelines, under the TOY Governor's name, a 1,000 TOY proposal deposit.
 */
export const TOY = definePreset({
  system: "toy",
  name: "TOY",
  token: { name: "Toy", symbol: "TOY", cap: 100n * M },
  supply: {
    system: "toy",
    token: { name: "Toy", symbol: "TOY", cap: 100n * M },
    totalSupply: 100n * M,
    treasury: "treasury",
    allocations: [
      { kind: "direct", name: "Treasury (40%)", to: "treasury", amount: 40n * M },
      {
        kind: "vesting",
        name: "Team (10%, 2 years, 6-month cliff)",
        beneficiary: "team",
        amount: 10n * M,
        cliffSeconds: YEAR / 2n,
        durationSeconds: 2n * YEAR,
        startUnlockBps: 0,
        revocable: true,
      },
      { kind: "emission", name: "Staking rewards (50%, 5 years)", amount: 50n * M },
    ],
    emission: {
      mode: "hold",
      yearlyAmounts: Array.from({ length: 5 }, () => 10n * M),
      halvingYears: 4n,
      cap: 50n * M,
      recipients: [
        {
          name: "Staking rewards",
          target: { kind: "account", account: "stakingRewards" },
          startBps: 10_000,
          endBps: 10_000,
          notify: true,
        },
      ],
      mix: { startOffset: 0n, endOffset: 0n },
    },
  },
  governance: {
    ...quiverGovernance,
    name: "TOY Governor",
    proposalDeposit: g(1_000n * TOKEN, 100n * TOKEN, 10_000n * TOKEN),
  },
  staking: {
    ...qryStaking,
    governed: { ...qryStaking.governed, minSelfStake: g(100n * TOKEN, 10n * TOKEN, 10_000n * TOKEN) },
  },
  bindings: { treasury: "treasury", stakingRewards: "staking" },
});
