import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { hexlify, toUtf8Bytes } from "ethers";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { CompliancePreset } from "../../modules/compliance.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

/** A jurisdiction code as the registry stores it: two ASCII bytes ("US" -> 0x5553). */
export function jurisdictionCode(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) throw new Error(`jurisdiction code must be two upper-case letters, got "${code}"`);
  return hexlify(toUtf8Bytes(code));
}

/**
 * The opt-in compliance registry on the Token module's AccessManager and the Parameters module's registry:
 * `attest` / `revoke` -> KYC_PROVIDER, `setRestricted` -> GOVERNOR, `setParameter` -> PARAMETER_REGISTRY; the
 * threshold registered with the preset's bounds; the preset's restricted jurisdictions set (by the deployer, the
 * admin until the handover: GOVERNOR is the timelock's afterwards, so the deployer's temporary grant is renounced
 * here). The preset module grants KYC_PROVIDER to the preset's `kycProvider` account.
 */
export function buildComplianceModule(preset: CompliancePreset) {
  return buildModule("Compliance", (m) => {
    const { manager } = m.useModule(TokenModule);
    const { registry } = m.useModule(ParametersModule);
    const compliance = m.contract("ComplianceRegistry", [manager, preset.threshold.value]);
    m.call(
      manager,
      "setTargetFunctionRole",
      [compliance, [selector("attest(address,uint256,bytes2)"), selector("revoke(address)")], ROLES.KYC_PROVIDER],
      { id: "RestrictComplianceAttest" },
    );
    m.call(manager, "setTargetFunctionRole", [compliance, [selector("setRestricted(bytes2,bool)")], ROLES.GOVERNOR], {
      id: "RestrictComplianceSetRestricted",
    });
    const restrictParameter = m.call(
      manager,
      "setTargetFunctionRole",
      [compliance, [selector("setParameter(bytes32,uint256)")], ROLES.PARAMETER_REGISTRY],
      { id: "RestrictComplianceSetParameter" },
    );
    const { min, max, minStep } = preset.threshold;
    const key = m.staticCall(compliance, "THRESHOLD", [], 0, { id: "Key_COMPLIANCE_THRESHOLD" });
    m.call(registry, "register", [compliance, key, min, max, minStep], {
      id: "Register_COMPLIANCE_THRESHOLD",
      after: [restrictParameter],
    });
    if (preset.restricted.length > 0) {
      // The deployer (the admin until the handover) takes GOVERNOR for the initial list, then gives it back.
      const deployer = m.getAccount(0);
      const grant = m.call(manager, "grantRole", [ROLES.GOVERNOR, deployer, 0n], { id: "GrantComplianceSetup" });
      const sets = preset.restricted.map((code) =>
        m.call(compliance, "setRestricted", [jurisdictionCode(code), true], {
          id: `RestrictJurisdiction_${code}`,
          after: [grant],
        }),
      );
      m.call(manager, "renounceRole", [ROLES.GOVERNOR, deployer], { id: "RenounceComplianceSetup", after: sets });
    }
    return { compliance };
  });
}
