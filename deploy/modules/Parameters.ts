import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../scripts/lib/roles.js";
import { selector } from "../../scripts/lib/selectors.js";
import TokenModule from "./Token.js";

/**
 * The preset's parameter registry, under the token's AccessManager: `set` for the normal timelock (GOVERNOR),
 * `setEmergency` for the emergency timelock (EMERGENCY), `register` for the admin; the registry holds the
 * PARAMETER_REGISTRY role, the only caller of modules' `setParameter`. Modules register their keys with it.
 */
export default buildModule("Parameters", (m) => {
  const { manager, token } = m.useModule(TokenModule);
  const registry = m.contract("ParameterRegistry", [manager]);

  m.call(manager, "setTargetFunctionRole", [registry, [selector("set(address,bytes32,uint256)")], ROLES.GOVERNOR], {
    id: "RestrictRegistrySet",
  });
  m.call(
    manager,
    "setTargetFunctionRole",
    [registry, [selector("setEmergency(address,bytes32,uint256)")], ROLES.EMERGENCY],
    { id: "RestrictRegistrySetEmergency" },
  );
  m.call(manager, "grantRole", [ROLES.PARAMETER_REGISTRY, registry, 0n], { id: "GrantRegistryRole" });

  return { manager, token, registry };
});
