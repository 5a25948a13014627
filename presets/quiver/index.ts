import { definePreset } from "../validate.js";
import { quiverDeflation } from "./deflation.js";
import { quiverGovernance } from "./governance.js";
import { quiverMarket } from "./market.js";
import { quiverPrograms } from "./programs.js";
import { quiverSlashing } from "./slashing.js";
import { quiverStaking } from "./staking.js";
import { quiverSupply } from "./supply.js";

/**
 * QUIVer (QUIV, docs/economics/quiver.md): supply, provider staking, slashing with the challenge court, the inference
 * market and governance, on one token, AccessManager and registry.
 *
 * Composition readings (the pieces hold the rest):
 * - The treasury of the supply piece (the 20% community allocation, revoked vesting) is governance's Treasury.
 * - "Staking rewards: 8-12% APY", "paid from the provider-rewards stream" (docs/economics/quiver.md): each emission release pays
 *   20% to the staking contract (notified: 14M QUIV in year 1, the 8-12% band on 117-175M staked, about what the
 *   TGE float and the first year's unlocks can stake) and 80% to the provider-rewards pool, where unclaimed rewards
 *   burn after 180 days. What the band's ceiling holds back stays in the staking budget for later.
 * - Governance's voting power adds the staking module's weight (1.5x staked, up to 2x locked) to delegated votes.
 * - Market fees (docs/economics/quiver.md: provider 80%, validators 0.5%, burn 1%, infrastructure 13.5%, treasury 5%): the
 *   validators' 0.5% goes to the challenge court's reward pool ("Validator Fee: 0.5% to quality validators": the
 *   court's validators are the ones who verify quality; docs/slashing.md), the treasury's 5% to governance's Treasury,
 *   the 13.5% to the `infrastructure` account (the network operator: "Network Operations: 15% (validators,
 *   infrastructure)"). The market's settlements are challenge subjects of the court.
 * - The market's curator (complexity classes, developers of the API revenue share) is an operations account,
 *   `marketCurator`, as QRY's registrar: curation is day-to-day work, and governance can move the role.
 * - Provider programs and ratings (presets/quiver/programs.ts holds each reading) deploy with the market, their
 *   pools empty: "Availability Bonus", "Model Diversity" and "Loyalty Program" (3.1) sit beside the provider
 *   rewards, so the `providerRewardsDistributor` funds them from what it claims of the provider-rewards pool;
 *   "Feedback Rewards" (3.2) are ecosystem spending, funded by the `ecosystem` account (the 5% ecosystem-development
 *   allocation) or by a treasury proposal. Funding is a transfer through `fund`; nothing is minted.
 * - The deflation controller (presets/quiver/deflation.ts, 5.3) steers the market's burn share from the start of year
 *   6, one quarterly step through the registry; governance keeps its own changes of the share (20% per quarter).
 */
export const QUIVER = definePreset({
  system: "quiver",
  name: "QUIVer",
  token: quiverSupply.token,
  supply: {
    ...quiverSupply,
    emission: {
      ...quiverSupply.emission,
      recipients: [
        { name: "Provider rewards pool", target: { kind: "epochPool" }, startBps: 8_000, endBps: 8_000, notify: true },
        {
          name: "Staking rewards",
          target: { kind: "account", account: "stakingRewards" },
          startBps: 2_000,
          endBps: 2_000,
          notify: true,
        },
      ],
    },
  },
  governance: quiverGovernance,
  staking: quiverStaking,
  slashing: quiverSlashing,
  market: { ...quiverMarket, infrastructure: "infrastructure", curator: "marketCurator" },
  programs: quiverPrograms,
  deflation: quiverDeflation,
  bindings: { treasury: "treasury", stakingRewards: "staking" },
});
