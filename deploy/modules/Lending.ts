import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";
import { id, ZeroAddress, ZeroHash } from "ethers";

import type { Governed } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { LendingPreset } from "../../modules/lending.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

/**
 * The credit manager's locker perk (`ICreditManager.LockerPerk`), fixed at deployment: above `openCeilingBps` of the
 * debt ceiling only holders of the perk registry's `feature` may borrow.
 */
export interface LendingLockerPerk {
  /** The preset's AccessPerks registry. */
  perks: (m: IgnitionModuleBuilder) => ContractFuture<string>;
  /** The feature id (`keccak256(name)`). */
  feature: string;
  /** Share of the debt ceiling open to every borrower, bps. */
  openCeilingBps: bigint;
  /** Seconds the borrower's lock must still run at a draw into the reserved part. */
  minLockLeft: bigint;
}

/** The parameter-registry key of a lending parameter, as `LendingKeys` computes it. */
export const lendingKey = (name: string) => id(`lending.${name}`);

/** The governed values of a group of preset entries, by name. */
const values = <K extends string>(group: Record<K, Governed>) =>
  Object.fromEntries(Object.entries<Governed>(group).map(([name, g]) => [name, g.value])) as Record<K, bigint>;

/**
 * The numbers the lending contracts' constructors take for a preset (structs as named tuples): the oracle's feed
 * ranges and `OracleParams`, the vault's `RateParams`, the reserve's slippage and ETH share, the credit manager's
 * `RiskParams` and pause duration.
 */
export function lendingConstructorArgs(preset: LendingPreset) {
  return {
    oracleRanges: preset.oracleRanges,
    oracle: values(preset.oracle),
    vault: values(preset.vault),
    reserve: values(preset.reserve),
    creditManager: values(preset.creditManager),
    pauseDuration: preset.pauseDuration.value,
  };
}

/**
 * Builds the lending module for a preset: OracleRouter, InsuranceFund, StableVault (ERC-4626), EthReserve and
 * CreditManager under the token module's AccessManager, every governed number registered in the parameter registry
 * with the preset's bounds, and the roles wired:
 *
 * - every module's `setParameter`: PARAMETER_REGISTRY (the registry);
 * - vault `borrow` / `repay` / `settle`, reserve `buyEth` / `release`: the credit manager, and fund `cover`: the
 *   vault, each bound once here by the admin (`bindCreditManager`, `bindVault`; no AccessManager call between the
 *   lending modules; the vault's exits also wait while the bound credit manager is paused);
 * - reserve `withdrawUnowned`, fund `withdraw`, credit manager `unpause`: GOVERNOR (the timelock);
 * - credit manager `pause`: GUARDIAN; `confirmPause`: EMERGENCY (governance's `GuardianPausable`, whose
 *   `pause.duration` is registered here too; the preset module classifies `confirmPause` as an emergency call).
 *
 * Parameters (addresses of what the chain already has): `stable` (the stablecoin), `qerFeed`, `ethFeed`
 * (Chainlink AggregatorV3 feeds), `sequencerFeed` (L2 sequencer-uptime feed, zero address where there is none),
 * `router` (Uniswap V2 Router02). On a devnet, modules `UniswapV2` and `LendingDevnet` deploy them.
 *
 * `perk` (optional): the locker perk wired into the credit manager; without it the perk is off (zero registry, the
 * whole ceiling open to every borrower).
 */
export function buildLendingModule(preset: LendingPreset, perk?: LendingLockerPerk) {
  return buildModule("Lending", (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const { registry } = m.useModule(ParametersModule);
    const stable = m.getParameter<string>("stable");
    const qerFeed = m.getParameter<string>("qerFeed");
    const ethFeed = m.getParameter<string>("ethFeed");
    const sequencerFeed = m.getParameter<string>("sequencerFeed", ZeroAddress);
    const router = m.getParameter<string>("router");
    const { creditManager: cmp, vault: vp, reserve: rp, oracle: op } = preset;
    const args = lendingConstructorArgs(preset);

    const oracle = m.contract("OracleRouter", [
      manager,
      { feed: qerFeed, ...args.oracleRanges.qer },
      { feed: ethFeed, ...args.oracleRanges.eth },
      sequencerFeed,
      args.oracle,
    ]);
    const fund = m.contract("InsuranceFund", [manager, stable]);
    const vault = m.contract("StableVault", [
      manager,
      stable,
      fund,
      preset.vaultShares.name,
      preset.vaultShares.symbol,
      args.vault,
    ]);
    const reserve = m.contract("EthReserve", [
      manager,
      stable,
      router,
      oracle,
      args.reserve.maxSlippageBps,
      args.reserve.ethReturnBps,
    ]);
    const creditManager = m.contract("CreditManager", [
      manager,
      { collateral: token, vault, reserve, oracle, insuranceFund: fund },
      args.creditManager,
      args.pauseDuration,
      perk === undefined
        ? { perks: ZeroAddress, openCeilingBps: 10_000n, minLockLeft: 0n, feature: ZeroHash }
        : {
            perks: perk.perks(m),
            openCeilingBps: perk.openCeilingBps,
            minLockLeft: perk.minLockLeft,
            feature: perk.feature,
          },
    ]);

    const restrict = (target: ContractFuture<string>, name: string, signatures: string[], role: bigint) =>
      m.call(manager, "setTargetFunctionRole", [target, signatures.map(selector), role], { id: `Restrict${name}` });
    const setParameter = ["setParameter(bytes32,uint256)"];
    restrict(oracle, "OracleSetParameter", setParameter, ROLES.PARAMETER_REGISTRY);
    restrict(vault, "VaultSetParameter", setParameter, ROLES.PARAMETER_REGISTRY);
    restrict(reserve, "ReserveSetParameter", setParameter, ROLES.PARAMETER_REGISTRY);
    restrict(creditManager, "CreditManagerSetParameter", setParameter, ROLES.PARAMETER_REGISTRY);
    restrict(reserve, "ReserveWithdrawUnowned", ["withdrawUnowned(address,uint256)"], ROLES.GOVERNOR);
    restrict(fund, "FundWithdraw", ["withdraw(address,uint256)"], ROLES.GOVERNOR);
    restrict(creditManager, "CreditManagerPause", ["pause()"], ROLES.GUARDIAN);
    restrict(creditManager, "CreditManagerUnpause", ["unpause()"], ROLES.GOVERNOR);
    restrict(creditManager, "CreditManagerConfirmPause", ["confirmPause()"], ROLES.EMERGENCY);
    // Wiring between the lending modules, fixed once by the admin (the deployer here) instead of AccessManager
    // roles: the credit manager is the only caller of the vault's and the reserve's credit functions (and its
    // pause holds the vault's exits), the vault the only caller of the fund's `cover`. Each bind checks that its
    // counterpart points back, so the order is fixed: the fund to the vault, then the vault to the credit manager
    // (it requires the fund bound to it), then the reserve (it requires the vault bound to the same credit manager).
    const bindFund = m.call(fund, "bindVault", [vault], { id: "BindFundVault" });
    const bindVault = m.call(vault, "bindCreditManager", [creditManager], {
      id: "BindVaultCreditManager",
      after: [bindFund],
    });
    m.call(reserve, "bindCreditManager", [creditManager], { id: "BindReserveCreditManager", after: [bindVault] });

    const register = (target: ContractFuture<string>, group: Record<string, Governed>) => {
      for (const [name, g] of Object.entries(group)) {
        m.call(registry, "register", [target, lendingKey(name), g.min, g.max, g.minStep], { id: `Register_${name}` });
      }
    };
    register(creditManager, cmp);
    register(vault, vp);
    register(reserve, rp);
    register(oracle, op);
    const p = preset.pauseDuration;
    m.call(registry, "register", [creditManager, id("pause.duration"), p.min, p.max, p.minStep], {
      id: "Register_pauseDuration",
    });

    return { manager, registry, token, oracle, fund, vault, reserve, creditManager };
  });
}
