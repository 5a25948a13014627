import { TOKEN } from "../../lib/units.js";
import type { SupplyPreset } from "../../modules/supply.js";

const M = 1_000_000n * TOKEN;

/**
 * QRY supply (docs/economics/qry.md). A fair launch: nothing is minted at genesis and nothing is
 * reserved for founders or investors; every token is issued by the emission controller, which holds the minter
 * role and mints what is due (mint mode), never above the token's cap.
 *
 * Readings (QRY's rules give no numbers; these are ours):
 * - Cap 1,000,000,000 QRY. Issuance 125M a year for 4 years, then halving every 4 years (62.5M a year in years
 *   5-8, ...): the curve approaches the 1B cap and stays just below it (halvings round down).
 * - All issuance goes to one recipient, the distribution engine (issue 9, `presets/qry/distribution.ts`): QRY
 *   distributes newly minted tokens and the tokens paid for subscriptions to the same pools, so the
 *   engine splits issuance and subscription revenue together, per 30-day epoch, by the chain-maturity mix (early
 *   stage: availability, staking incentives, worker proposals; mature stage: providers, portals, integrators) and
 *   the usage multiplier. The mix therefore lives in the distribution preset, not here; the controller's own mix is
 *   a constant 100%. The preset module binds `distributionEngine` to the engine it deploys (`bindings`), as does
 *   `deployQry` (scripts/lib/deploy.ts); the supply module alone takes it as an address.
 * - The engine counts what it receives by balance, so it needs no notification (notify off).
 */
export const qrySupply: SupplyPreset = {
  system: "qry",
  token: { name: "QRY", symbol: "QRY", cap: 1_000n * M },
  totalSupply: 0n,
  treasury: "treasury",
  allocations: [],
  emission: {
    mode: "mint",
    yearlyAmounts: [125n * M, 125n * M, 125n * M, 125n * M],
    halvingYears: 4n,
    cap: 1_000n * M,
    recipients: [
      {
        name: "Distribution engine (every pool, by the chain-maturity mix)",
        target: { kind: "account", account: "distributionEngine" },
        startBps: 10_000,
        endBps: 10_000,
        notify: false,
      },
    ],
    mix: { startOffset: 0n, endOffset: 0n },
  },
};
