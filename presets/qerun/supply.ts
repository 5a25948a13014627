import { TOKEN, YEAR } from "../../lib/units.js";
import type { SupplyPreset } from "../../modules/supply.js";

const M = 1_000_000n * TOKEN;

/**
 * Qerun supply (docs/economics/qerun.md). Fixed at launch, with no arbitrary minting: the whole
 * supply is minted once at genesis and the token cap equals it, so nothing can be minted afterwards even if
 * governance granted the minter role (it would first have to deploy a new token; any supply change is a
 * governance decision, as Qerun's rules ask).
 *
 * Readings (Qerun's rules give only an outline; these numbers are ours):
 * - Total supply: 100,000,000 QER (the rules leave it open).
 * - Community & ecosystem, "majority allocation": 55%. 10% of it unlocked at launch for the first community
 *   distributions, the rest linear over 4 years to the community fund; revocable, so governance can return the
 *   unvested part to the treasury.
 * - Team & contributors, "vesting-based, long-term locked": 20%, 4 years with a 1-year cliff, revocable.
 * - Treasury, "reserved for future development": 15%, to the governance treasury at launch.
 * - Liquidity incentives, "gradual release": 10%, streamed by the emission controller over 2 years (5M a year,
 *   the 10M cap reached at the end of year 2) to the liquidity-incentives distributor. It is a plain account
 *   until a liquidity reward pool exists; governance then points the stream at it (`setRecipients`, notify on).
 */
export const qerunSupply: SupplyPreset = {
  system: "qerun",
  token: { name: "Qerun", symbol: "QER", cap: 100n * M },
  totalSupply: 100n * M,
  treasury: "treasury",
  allocations: [
    {
      kind: "vesting",
      name: "Community & ecosystem (55%, 10% at launch, 4 years)",
      beneficiary: "communityFund",
      amount: 55n * M,
      cliffSeconds: 0n,
      durationSeconds: 4n * YEAR,
      startUnlockBps: 1_000,
      revocable: true,
    },
    {
      kind: "vesting",
      name: "Team & contributors (20%, 4 years, 1-year cliff)",
      beneficiary: "team",
      amount: 20n * M,
      cliffSeconds: YEAR,
      durationSeconds: 4n * YEAR,
      startUnlockBps: 0,
      revocable: true,
    },
    { kind: "direct", name: "Treasury (15%)", to: "treasury", amount: 15n * M },
    { kind: "emission", name: "Liquidity incentives (10%, over 2 years)", amount: 10n * M },
  ],
  emission: {
    mode: "hold",
    yearlyAmounts: [5n * M, 5n * M],
    halvingYears: 1n,
    cap: 10n * M,
    recipients: [
      {
        name: "Liquidity incentives",
        target: { kind: "account", account: "liquidityIncentives" },
        startBps: 10_000,
        endBps: 10_000,
        notify: false,
      },
    ],
    mix: { startOffset: 0n, endOffset: 0n },
  },
};
