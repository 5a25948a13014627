import { TOKEN, YEAR, type SupplyPreset } from "../types/supply.js";

const M = 1_000_000n * TOKEN;

/**
 * QRY supply (seed 003, "Token Distribution"). A fair launch: nothing is minted at genesis and nothing is
 * reserved for founders or investors; every token is issued by the emission controller, which holds the minter
 * role and mints what is due into the reward pools (mint mode), never above the token's cap.
 *
 * Readings (the seed gives no numbers; these are ours):
 * - Cap 1,000,000,000 QRY. Issuance 125M a year for 4 years, then halving every 4 years (62.5M a year in years
 *   5-8, ...): the curve approaches the 1B cap and stays just below it (halvings round down).
 * - Chain maturity: the seed's "early stages (6 to 12 months)" favour availability (PoA), staking incentives and
 *   worker proposals; the mature stage favours providers (query fulfillment), portals and integrators. The mix
 *   holds the early weights for 6 months, then moves linearly to the mature weights by month 12.
 * - Consensus (block producers and the stabilization fund) gets a small constant-ish share throughout.
 * - The pools are built by the distribution module; until then they are named accounts with `notify` off.
 *   Governance points the streams at the pool contracts with `setRecipients` (notify on) once they exist.
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
      r("Query fulfillment (providers)", "queryFulfillmentPool", 1_000, 4_000),
      r("Proof of availability", "availabilityPool", 3_500, 1_000),
      r("Integrators", "integratorPool", 0, 1_500),
      r("Portals (acquirer fee)", "portalPool", 0, 1_500),
      r("Worker proposals", "workerProposals", 2_000, 500),
      r("Staking rewards", "stakingPool", 2_500, 1_000),
      r("Consensus & stabilization", "consensusPool", 1_000, 500),
    ],
    mix: { startOffset: YEAR / 2n, endOffset: YEAR },
  },
};

function r(name: string, account: string, startBps: number, endBps: number) {
  return { name, target: { kind: "account" as const, account }, startBps, endBps, notify: false };
}
