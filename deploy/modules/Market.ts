import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";
import { id, ZeroAddress } from "ethers";

import type { Governed } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { MarketPreset } from "../../modules/market.js";
import type { StakingPreset } from "../../modules/staking.js";
import { stakingModuleFor, type StakingModule } from "./Staking.js";

/** The contract of the market module that holds a governed number. */
export type MarketContract = "catalog" | "router" | "incentives" | "market" | "developers" | "auction" | "volume";

/** The parameter-registry key of a market parameter, as `MarketKeys` computes it. */
export const marketKey = (name: string) => id(`market.${name}`);

/** Every governed number of a market preset: the contract holding it, its key and its preset entry. */
export function marketGovernedEntries(
  preset: MarketPreset,
): { contract: MarketContract; name: string; key: string; entry: Governed }[] {
  const { catalog: c, router: r, incentives: i, market: k, developers: d, auction: a, volume: v } = preset;
  const entry = (contract: MarketContract, name: string, e: Governed, key = marketKey(name)) => ({
    contract,
    name,
    key,
    entry: e,
  });
  const bands = [1, 2, 3, 4];
  return [
    entry("catalog", "baseRate", c.baseRate),
    entry("catalog", "smallComplexityBps", c.complexityBps[0]),
    entry("catalog", "mediumComplexityBps", c.complexityBps[1]),
    entry("catalog", "largeComplexityBps", c.complexityBps[2]),
    entry("catalog", "minDemandBps", c.minDemandBps),
    entry("catalog", "maxDemandBps", c.maxDemandBps),
    entry("catalog", "demandEpoch", c.demandEpoch),
    entry("catalog", "demandTargetPerProvider", c.demandTargetPerProvider),
    entry("catalog", "demandSmoothingBps", c.demandSmoothingBps),
    entry("catalog", "supplyStepBps", c.supplyStepBps),
    entry("catalog", "maxSupplyFactorBps", c.maxSupplyFactorBps),
    entry("router", "validatorFeeBps", r.validatorBps),
    entry("router", "burnFeeBps", r.burnBps),
    entry("router", "infrastructureFeeBps", r.infrastructureBps),
    entry("router", "treasuryFeeBps", r.treasuryBps),
    entry("router", "minPriorityBps", r.minPriorityBps),
    entry("router", "maxPriorityBps", r.maxPriorityBps),
    entry("router", "batchDiscountBps", r.batchDiscountBps),
    entry("router", "subscriptionDiscountBps", r.subscriptionDiscountBps),
    entry("router", "maxTotalDiscountBps", r.maxTotalDiscountBps),
    ...bands.map((b) => entry("router", `volumeBand${b}Usd`, r.volumeBandUsd[b - 1])),
    ...bands.map((b) => entry("router", `volumeBand${b}DiscountBps`, r.volumeDiscountBps[b - 1])),
    entry("router", "tokenPriceUsd", r.tokenPriceUsd),
    entry("incentives", "cashbackBps", i.cashbackBps),
    entry("incentives", "referralBps", i.referralBps),
    entry("incentives", "referralDuration", i.referralDuration),
    entry("incentives", "apiShareBps", i.apiShareBps),
    entry("incentives", "creditBonusBps", i.creditBonusBps),
    entry("incentives", "earlyAdopterBps", i.earlyAdopterBps),
    entry("incentives", "earlyAdopterCap", i.earlyAdopterCap),
    entry("incentives", "earlyAdopterMinPayment", i.earlyAdopterMinPayment),
    entry("developers", "appDeveloperBps", d.appDeveloperBps),
    entry("developers", "integrationGrantCap", d.integrationGrantCap),
    entry("developers", "approverCapPerPeriod", d.approverCapPerPeriod),
    entry("auction", "auctionBidBond", a.bidBond),
    entry("auction", "auctionMinEscrow", a.minEscrow),
    entry("auction", "auctionMinRevealWindow", a.minRevealWindow),
    entry("auction", "auctionMaxDuration", a.maxDuration),
    entry("auction", "auctionDeliveryWindow", a.deliveryWindow),
    entry("auction", "auctionDisputeWindow", a.disputeWindow),
    entry("volume", "storageFeePerPeriod", v.storageFeePerPeriod),
    entry("market", "withdrawalNotice", k.withdrawalNotice),
    entry("market", "challengeWindow", k.challengeWindow),
    entry("market", "subscriptionPeriod", k.subscriptionPeriod),
    entry("market", "minSubscription", k.minSubscription),
    entry("market", "pauseDuration", k.pauseDuration, id("pause.duration")),
  ];
}

// Ignition's future types are per contract name; a recipient is any address-valued future or parameter.
type AnyFuture = any;

/** Futures of the same deployment the market module uses instead of its parameters. */
export interface MarketBindings {
  /** The fee router's recipients of the protocol's parts. */
  recipients?: (m: IgnitionModuleBuilder) => { validators: AnyFuture; infrastructure: AnyFuture; treasury: AnyFuture };
  /** The preset's compliance registry (module `Compliance`): the inference and licence markets check it. None: off. */
  compliance?: (m: IgnitionModuleBuilder) => AnyFuture;
}

/** The constructor arguments of the market contracts for a preset (structs as named tuples). */
export function marketConstructorArgs(preset: MarketPreset) {
  const { catalog: c, router: r, incentives: i, market: k, developers: d, auction: a, volume: v } = preset;
  return {
    catalog: {
      baseRate: c.baseRate.value,
      complexityBps: c.complexityBps.map((x) => x.value),
      minDemandBps: c.minDemandBps.value,
      maxDemandBps: c.maxDemandBps.value,
      demandEpoch: c.demandEpoch.value,
      demandTargetPerProvider: c.demandTargetPerProvider.value,
      demandSmoothingBps: c.demandSmoothingBps.value,
      supplyStepBps: c.supplyStepBps.value,
      maxSupplyFactorBps: c.maxSupplyFactorBps.value,
    },
    router: {
      split: {
        providerBps: r.providerBps,
        validatorBps: r.validatorBps.value,
        burnBps: r.burnBps.value,
        infrastructureBps: r.infrastructureBps.value,
        treasuryBps: r.treasuryBps.value,
      },
      minPriorityBps: r.minPriorityBps.value,
      maxPriorityBps: r.maxPriorityBps.value,
      batchDiscountBps: r.batchDiscountBps.value,
      subscriptionDiscountBps: r.subscriptionDiscountBps.value,
      maxTotalDiscountBps: r.maxTotalDiscountBps.value,
      volumeBandUsd: r.volumeBandUsd.map((x) => x.value),
      volumeDiscountBps: r.volumeDiscountBps.map((x) => x.value),
      tokenPriceUsd: r.tokenPriceUsd.value,
    },
    rates: {
      cashbackBps: i.cashbackBps.value,
      referralBps: i.referralBps.value,
      referralDuration: i.referralDuration.value,
      apiShareBps: i.apiShareBps.value,
      creditBonusBps: i.creditBonusBps.value,
      earlyAdopterBps: i.earlyAdopterBps.value,
      earlyAdopterCap: i.earlyAdopterCap.value,
      earlyAdopterMinPayment: i.earlyAdopterMinPayment.value,
    },
    developers: {
      appDeveloperBps: d.appDeveloperBps.value,
      integrationGrantCap: d.integrationGrantCap.value,
      approverCapPerPeriod: d.approverCapPerPeriod.value,
    },
    auction: {
      bidBond: a.bidBond.value,
      minEscrow: a.minEscrow.value,
      minRevealWindow: a.minRevealWindow.value,
      maxDuration: a.maxDuration.value,
      deliveryWindow: a.deliveryWindow.value,
      disputeWindow: a.disputeWindow.value,
    },
    volume: { storageFeePerPeriod: v.storageFeePerPeriod.value },
    market: {
      withdrawalNotice: k.withdrawalNotice.value,
      challengeWindow: k.challengeWindow.value,
      subscriptionPeriod: k.subscriptionPeriod.value,
      minSubscription: k.minSubscription.value,
      pauseDuration: k.pauseDuration.value,
    },
  };
}

/**
 * The inference market of a preset over its staking module: `ModelCatalog`, `FeeRouter`, `IncentivePools` and
 * `InferenceMarket` under the token's AccessManager, the catalogue and the pools bound to the market, privileged
 * functions mapped to their roles, and every governed number registered in the preset's ParameterRegistry with its
 * hard bounds.
 *
 * Roles: `setParameter` of the catalogue, router, pools, market, developer programs, `RequestAuction` and
 * `VolumeContracts` -> PARAMETER_REGISTRY (the auction and the volume contracts have no other restricted function); catalogue `setModelComplexity`, `certify` and pools
 * `setDeveloper` -> MARKET_CURATOR; `LicenceMarket`: `setModelSeller` -> MARKET_CURATOR; `DeveloperPrograms`: `setOpenSource` -> MARKET_CURATOR, `revokeOpenSource`, `createGrant`,
 * `cancelGrant` -> GOVERNOR; router `setFeeRecipients` -> GOVERNOR; market `pause` -> GUARDIAN, `confirmPause` -> EMERGENCY,
 * `unpause` -> GOVERNOR. `bindMarket` and the router's `bindIncentives` stay with the admin (the deployer here), who
 * calls them once below. When the
 * governance module is deployed too, its classifier should class the market's `confirmPause` as an emergency call.
 *
 * `staking`: the staking numbers (a standalone deployment builds its own `Staking` module) or the preset module's
 * staking module (`deploy/modules/presets/build.ts`). `bind.recipients`: recipients that are futures of the same
 * deployment (the QUIVer preset: the challenge court, the infrastructure account, governance's Treasury).
 *
 * Parameters: `validators`, `infrastructure`, `treasury` (the recipients of the protocol's parts of each fee), unless
 * `bind.recipients` gives them.
 */
export function buildMarketModule(preset: MarketPreset, staking: StakingPreset | StakingModule, bind?: MarketBindings) {
  const stakingModule = stakingModuleFor(staking);
  return buildModule("Market", (m) => {
    const { manager, token, registry, staking: stakingContract } = m.useModule(stakingModule);
    const recipients = bind?.recipients?.(m) ?? {
      validators: m.getParameter<string>("validators"),
      infrastructure: m.getParameter<string>("infrastructure"),
      treasury: m.getParameter<string>("treasury"),
    };
    const args = marketConstructorArgs(preset);
    // Compliance is opt-in per preset: the zero address turns the hooks off (no call, no gas).
    const compliance = bind?.compliance?.(m) ?? ZeroAddress;

    const catalog = m.contract("ModelCatalog", [stakingContract, manager, args.catalog]);
    const router = m.contract("FeeRouter", [token, stakingContract, manager, args.router, recipients]);
    // The developer programs first: the pools read their open-source flag (it doubles a developer's API share).
    const developers = m.contract("DeveloperPrograms", [token, router, manager, args.developers]);
    const incentives = m.contract("IncentivePools", [token, stakingContract, router, developers, manager, args.rates]);
    const market = m.contract("InferenceMarket", [
      token,
      stakingContract,
      catalog,
      router,
      incentives,
      compliance,
      manager,
      args.market,
    ]);
    // The data marketplace: licences paid through the router's split; the curator names each model's seller.
    const licences = m.contract("LicenceMarket", [token, router, catalog, compliance, manager]);
    // Sealed-bid auctions of inference requests: bidders are active providers, payments go through the router.
    const auction = m.contract("RequestAuction", [token, router, catalog, stakingContract, manager, args.auction]);
    // Committed-volume contracts and session storage: providers are active providers, fees go through the router.
    const volume = m.contract("VolumeContracts", [token, router, stakingContract, compliance, manager, args.volume]);
    m.call(catalog, "bindMarket", [market], { id: "BindCatalog" });
    m.call(incentives, "bindMarket", [market], { id: "BindIncentives" });
    // From here on every change of the split table is checked against the pools' rates (and the reverse).
    m.call(router, "bindIncentives", [incentives], { id: "BindRouterIncentives" });

    const contracts: Record<MarketContract, ContractFuture<string>> = {
      catalog,
      router,
      incentives,
      market,
      developers,
      auction,
      volume,
    };
    const restrict = (contract: MarketContract, signature: string, role: bigint) =>
      m.call(manager, "setTargetFunctionRole", [contracts[contract], [selector(signature)], role], {
        id: `RestrictMarket_${contract}_${signature.slice(0, signature.indexOf("("))}`,
      });
    for (const contract of Object.keys(contracts) as MarketContract[]) {
      restrict(contract, "setParameter(bytes32,uint256)", ROLES.PARAMETER_REGISTRY);
    }
    restrict("catalog", "setModelComplexity(bytes32,uint8)", ROLES.MARKET_CURATOR);
    restrict("catalog", "certify(bytes32,address,bool)", ROLES.MARKET_CURATOR);
    restrict("incentives", "setDeveloper(address,bool)", ROLES.MARKET_CURATOR);
    // The curator flags open-source projects; only governance clears the flag, makes and cancels grants.
    restrict("developers", "setOpenSource(address)", ROLES.MARKET_CURATOR);
    restrict("developers", "revokeOpenSource(address)", ROLES.GOVERNOR);
    restrict("developers", "createGrant(address,uint256,uint256)", ROLES.GOVERNOR);
    restrict("developers", "cancelGrant(uint256)", ROLES.GOVERNOR);
    restrict("router", "setFeeRecipients((address,address,address))", ROLES.GOVERNOR);
    m.call(
      manager,
      "setTargetFunctionRole",
      [licences, [selector("setModelSeller(bytes32,address)")], ROLES.MARKET_CURATOR],
      {
        id: "RestrictMarket_licences_setModelSeller",
      },
    );
    restrict("market", "pause()", ROLES.GUARDIAN);
    restrict("market", "confirmPause()", ROLES.EMERGENCY);
    restrict("market", "unpause()", ROLES.GOVERNOR);

    for (const { contract, name, key, entry } of marketGovernedEntries(preset)) {
      m.call(registry, "register", [contracts[contract], key, entry.min, entry.max, entry.minStep], {
        id: `RegisterMarket_${name}`,
      });
    }

    return {
      manager,
      token,
      registry,
      staking: stakingContract,
      catalog,
      router,
      incentives,
      market,
      developers,
      licences,
      auction,
      volume,
    };
  });
}
