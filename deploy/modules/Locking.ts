import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { LockingPreset } from "../../modules/locking.js";
import { TokenModule } from "./Token.js";
import { FACTORY_ARTIFACT, ROUTER_ARTIFACT } from "./devnet/UniswapV2.js";

/** A perk's id as the registry stores it: `keccak256(name)`. */
export const perkId = (name: string) => id(name);

/**
 * The lock module of a preset: VoteLocker (votes, long-term rewards, reputation), AccessPerks, LiquidityIncentives
 * on the token/WETH pair of the Uniswap V2 router given as parameter `router` (the pair is created here, empty, if
 * it does not exist: liquidity comes from holders), and the BuybackBurner priced by `qerFeed` and `ethFeed`.
 * The funders' role (REWARD_FUNDER) may notify both reward streams; buybacks are GOVERNOR's (the normal timelock);
 * `setFeature` stays with the admin (the timelock after the handover).
 */
export function buildLockingModule(preset: LockingPreset) {
  return buildModule("Locking", (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const router = m.getParameter<string>("router");
    const qerFeed = m.getParameter<string>("qerFeed");
    const ethFeed = m.getParameter<string>("ethFeed");

    const locker = m.contract("VoteLocker", [token, manager, preset.lock]);
    const perks = m.contract("AccessPerks", [locker, manager, preset.perks.maxThreshold]);
    for (const f of preset.perks.features) {
      m.call(perks, "setFeature", [perkId(f.name), f.threshold], { id: `SetPerk_${f.name.replace(/\W/g, "_")}` });
    }

    const uniRouter = m.contractAt("UniswapV2Router02", ROUTER_ARTIFACT, router, { id: "LockingRouter" });
    const factoryAddress = m.staticCall(uniRouter, "factory", [], 0, { id: "LockingRouterFactory" });
    const weth = m.staticCall(uniRouter, "WETH", [], 0, { id: "LockingRouterWeth" });
    const factory = m.contractAt("UniswapV2Factory", FACTORY_ARTIFACT, factoryAddress, { id: "LockingFactory" });
    const create = m.call(factory, "createPair", [token, weth], { id: "CreateTokenWethPair" });
    const pair = m.staticCall(factory, "getPair", [token, weth], 0, { id: "TokenWethPair", after: [create] });
    const liquidity = m.contract("LiquidityIncentives", [pair, token, manager, preset.liquidity.rewardDuration]);
    const burner = m.contract("BuybackBurner", [token, router, qerFeed, ethFeed, manager, preset.buyback]);

    const notify = [selector("notifyRewardAmount(uint256)")];
    m.call(manager, "setTargetFunctionRole", [locker, notify, ROLES.REWARD_FUNDER], { id: "LockerFundRole" });
    m.call(manager, "setTargetFunctionRole", [liquidity, notify, ROLES.REWARD_FUNDER], { id: "LiquidityFundRole" });
    m.call(manager, "setTargetFunctionRole", [burner, [selector("buyback(uint256,uint256)")], ROLES.GOVERNOR], {
      id: "BuybackRole",
    });

    return { manager, token, locker, perks, liquidity, burner };
  });
}
