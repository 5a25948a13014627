import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../scripts/lib/roles.js";
import { selector } from "../../scripts/lib/selectors.js";
import TokenModule from "./Token.js";

/**
 * The preset's ParameterRegistry under the token's AccessManager: `set` is restricted to the governor role,
 * `setEmergency` to the emergency role, `register` stays with the admin (the deployer, then the timelock), and
 * the registry holds the PARAMETER_REGISTRY role that every module's `setParameter` is restricted to.
 *
 * Modules with governed numbers `m.useModule` this one, so a preset has a single registry.
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
