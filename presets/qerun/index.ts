import { definePreset } from "../validate.js";
import { qerunGovernance } from "./governance.js";
import { QERUN_LENDING } from "./lending.js";
import { QERUN_LOCKING } from "./locking.js";
import { qerunSupply } from "./supply.js";

/**
 * Qerun (QER, docs/economics/qerun.md): the fixed supply, borrowing with the ETH reserve, governance (the "community
 * DAO", see governance.ts), and lock staking with its perks, LP incentives and buyback-and-burn (locking.ts). Lending's
 * oracles, stablecoin and Uniswap V2 router are the chain's (deployment inputs); on a devnet they are deployed first
 * (real Uniswap V2 from npm, settable feeds, a faucet stablecoin).
 *
 * Composition readings: the supply's treasury (15% at launch, revoked vesting) is governance's Treasury; the credit
 * manager's guardian pause is governance's (Safe guardian, `confirmPause` an emergency proposal).
 */
export const QERUN = definePreset({
  system: "qerun",
  name: "Qerun",
  token: qerunSupply.token,
  supply: qerunSupply,
  governance: qerunGovernance,
  lending: QERUN_LENDING,
  locking: QERUN_LOCKING,
  bindings: { treasury: "treasury" },
});
