import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../scripts/lib/roles.js";
import { selector } from "../../scripts/lib/selectors.js";
import TokenModule from "./Token.js";

/**
 * The preset's parameter registry under the token module's AccessManager: `set` for the governor role (normal
 * timelock), `setEmergency` for the emergency role; the registry holds PARAMETER_REGISTRY, the role every module's
 * `setParameter` is restricted to. Modules register their keys with bounds in their own Ignition modules.
 */
export default buildModule("ParameterRegistry", (m) => {
  const { manager } = m.useModule(TokenModule);
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
  m.call(manager, "grantRole", [ROLES.PARAMETER_REGISTRY, registry, 0], { id: "GrantRegistryRole" });
  return { registry };
});
