import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { TokenModule } from "./Token.js";

/**
 * The preset's ParameterRegistry under the Token module's AccessManager: `set` restricted to the governor
 * role, `setEmergency` to the emergency role, `setByController` to the parameter-controller role (contracts that
 * move a number by rule: the deflation controller), and the registry granted the PARAMETER_REGISTRY role so it alone
 * can push values into modules (`IParameterized.setParameter`). Modules register their keys themselves.
 */
export const ParametersModule = buildModule("Parameters", (m) => {
  const { manager } = m.useModule(TokenModule);
  const registry = m.contract("ParameterRegistry", [manager]);

  m.call(manager, "setTargetFunctionRole", [registry, [selector("set(address,bytes32,uint256)")], ROLES.GOVERNOR], {
    id: "RestrictParameterSet",
  });
  m.call(
    manager,
    "setTargetFunctionRole",
    [registry, [selector("setEmergency(address,bytes32,uint256)")], ROLES.EMERGENCY],
    { id: "RestrictParameterSetEmergency" },
  );
  m.call(
    manager,
    "setTargetFunctionRole",
    [registry, [selector("setByController(address,bytes32,uint256)")], ROLES.PARAMETER_CONTROLLER],
    { id: "RestrictParameterSetByController" },
  );
  m.call(manager, "grantRole", [ROLES.PARAMETER_REGISTRY, registry, 0], { id: "GrantParameterRegistryRole" });

  return { manager, registry };
});
