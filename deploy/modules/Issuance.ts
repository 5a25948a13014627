import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";
import { ZeroAddress } from "ethers";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { IssuancePreset } from "../../modules/issuance.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

const SET_PARAMETER = selector("setParameter(bytes32,uint256)");

/**
 * The Qutoken issuer platform on the Token module's token (deploy it as QUT: `Token.name` "Qutoken",
 * `Token.symbol` "QUT") and AccessManager: IssuerRegistry, IssuerTokenFactory (which deploys the one
 * IssuerToken implementation), PartnerRewards and Settlement.
 *
 * Roles: suspend / reinstate / slash / setFeeRecipient -> GOVERNOR; freeze -> GUARDIAN (a 30-day freeze with a
 * 30-day cooldown, so governance can slash what an issuer would otherwise pull out); useSlot / releaseSlot ->
 * ISSUANCE_SLOT_CONSUMER and chargeFee -> ISSUANCE_FEE_COLLECTOR, both held by the factory;
 * PartnerRewards.startPeriod -> ISSUANCE_PARTNER_DISTRIBUTOR, held by `distributor`; every module's
 * setParameter -> PARAMETER_REGISTRY. Every governed number is registered with its preset bounds.
 *
 * Parameters (defaults: the preset's numbers; Qutoken's are presets/qutoken/issuance.ts): `feeRecipient` (the treasury; default: the deployer),
 * `distributor` (default: the deployer), `tiers`, `unstakeNoticePeriod`, `creationFee`, `partnerClaimWindow`.
 *
 * The module is built from an issuance preset (its hard bounds, and the defaults of the parameters above), optionally with the fee recipient bound to a contract of the same deployment (the preset
 * module passes governance's Treasury) instead of the `feeRecipient` parameter, and with the preset's compliance
 * registry (every issuer token then checks it; none: the zero address, compliance off).
 */
// Ignition's future types are per contract name; any contract future will do for the fee recipient.
export function buildIssuanceModule(
  preset: IssuancePreset,
  bind?: { feeRecipient: (m: IgnitionModuleBuilder) => any; compliance?: (m: IgnitionModuleBuilder) => any },
) {
  return buildModule("Issuance", (m) =>
    issuance(
      m,
      preset,
      bind?.feeRecipient(m) ?? m.getParameter("feeRecipient", m.getAccount(0)),
      bind?.compliance?.(m) ?? ZeroAddress,
    ),
  );
}

function issuance(m: IgnitionModuleBuilder, preset: IssuancePreset, feeRecipient: any, compliance: any) {
  const { manager, token: qut } = m.useModule(TokenModule);
  const { registry: parameters } = m.useModule(ParametersModule);

  const distributor = m.getParameter("distributor", m.getAccount(0));
  const tiers = m.getParameter(
    "tiers",
    preset.tiers.map((t) => ({ minStake: t.minStake, slots: t.slots })),
  );
  const unstakeNoticePeriod = m.getParameter("unstakeNoticePeriod", preset.unstakeNoticePeriod);
  const creationFee = m.getParameter("creationFee", preset.creationFee);
  const partnerClaimWindow = m.getParameter("partnerClaimWindow", preset.partnerClaimWindow);

  const registry = m.contract("IssuerRegistry", [manager, qut, tiers, unstakeNoticePeriod, feeRecipient]);
  const factory = m.contract("IssuerTokenFactory", [manager, registry, compliance, creationFee]);
  const rewards = m.contract("PartnerRewards", [manager, qut, partnerClaimWindow]);
  const settlement = m.contract("Settlement", [qut, registry]);

  // ---- roles
  m.call(
    manager,
    "setTargetFunctionRole",
    [
      registry,
      [
        selector("suspend(address,bytes32)"),
        selector("reinstate(address)"),
        selector("slash(address,uint256,bytes32)"),
        selector("setFeeRecipient(address)"),
      ],
      ROLES.GOVERNOR,
    ],
    { id: "RestrictRegistryGovernance" },
  );
  m.call(manager, "setTargetFunctionRole", [registry, [selector("freeze(address,bytes32)")], ROLES.GUARDIAN], {
    id: "RestrictRegistryFreeze",
  });
  m.call(
    manager,
    "setTargetFunctionRole",
    [registry, [selector("useSlot(address)"), selector("releaseSlot(address)")], ROLES.ISSUANCE_SLOT_CONSUMER],
    { id: "RestrictRegistrySlots" },
  );
  m.call(
    manager,
    "setTargetFunctionRole",
    [registry, [selector("chargeFee(address,uint256,bytes32)")], ROLES.ISSUANCE_FEE_COLLECTOR],
    { id: "RestrictRegistryFees" },
  );
  m.call(
    manager,
    "setTargetFunctionRole",
    [rewards, [selector("startPeriod(bytes32,uint256)")], ROLES.ISSUANCE_PARTNER_DISTRIBUTOR],
    { id: "RestrictRewardsStartPeriod" },
  );
  m.call(manager, "setTargetFunctionRole", [registry, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY], {
    id: "RestrictRegistrySetParameter",
  });
  m.call(manager, "setTargetFunctionRole", [factory, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY], {
    id: "RestrictFactorySetParameter",
  });
  m.call(manager, "setTargetFunctionRole", [rewards, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY], {
    id: "RestrictRewardsSetParameter",
  });
  m.call(manager, "grantRole", [ROLES.ISSUANCE_SLOT_CONSUMER, factory, 0], { id: "GrantFactorySlotConsumer" });
  m.call(manager, "grantRole", [ROLES.ISSUANCE_FEE_COLLECTOR, factory, 0], { id: "GrantFactoryFeeCollector" });
  m.call(manager, "grantRole", [ROLES.ISSUANCE_PARTNER_DISTRIBUTOR, distributor, 0], {
    id: "GrantPartnerDistributor",
  });

  // ---- governed numbers, with the preset's hard bounds; keys read from the contracts themselves
  const governed = [
    { target: registry, key: "TIER1_MIN_STAKE", bound: preset.bounds.tier1MinStake },
    { target: registry, key: "TIER2_MIN_STAKE", bound: preset.bounds.tier2MinStake },
    { target: registry, key: "TIER3_MIN_STAKE", bound: preset.bounds.tier3MinStake },
    { target: registry, key: "TIER1_SLOTS", bound: preset.bounds.tier1Slots },
    { target: registry, key: "TIER2_SLOTS", bound: preset.bounds.tier2Slots },
    { target: registry, key: "TIER3_SLOTS", bound: preset.bounds.tier3Slots },
    { target: registry, key: "UNSTAKE_NOTICE_PERIOD", bound: preset.bounds.unstakeNoticePeriod },
    { target: factory, key: "CREATION_FEE", bound: preset.bounds.creationFee },
    { target: rewards, key: "CLAIM_WINDOW", bound: preset.bounds.partnerClaimWindow },
  ] as const;
  for (const { target, key, bound } of governed) {
    const keyValue = m.staticCall(target, key, [], 0, { id: `Key_${key}` });
    m.call(parameters, "register", [target, keyValue, bound.min, bound.max, bound.minStep], {
      id: `Register_${key}`,
    });
  }

  return { manager, qut, parameters, registry, factory, rewards, settlement };
}
