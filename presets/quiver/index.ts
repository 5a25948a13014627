import { definePreset } from "../validate.js";
import { quiverGovernance } from "./governance.js";
import { quiverStaking } from "./staking.js";
import { quiverSupply } from "./supply.js";

/**
 * QUIVer (QUIV, seed 002): supply, provider staking and governance, on one token, AccessManager and registry.
 * Slashing and the challenge court (issue 5) and the inference market (issue 6) join as `slashing` / `market`
 * pieces when they land.
 *
 * Composition readings (the pieces hold the rest):
 * - The treasury of the supply piece (the 20% community allocation, revoked vesting) is governance's Treasury.
 * - "Staking rewards: 8-12% APY", "paid from the provider-rewards stream" (DESIGN.md): each emission release pays
 *   20% to the staking contract (notified: 14M QUIV in year 1, the 8-12% band on 117-175M staked, about what the
 *   TGE float and the first year's unlocks can stake) and 80% to the provider-rewards pool, where unclaimed rewards
 *   burn after 180 days. What the band's ceiling holds back stays in the staking budget for later.
 * - Governance's voting power adds the staking module's weight (1.5x staked, up to 2x locked) to delegated votes.
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
  bindings: { treasury: "treasury", stakingRewards: "staking" },
});
