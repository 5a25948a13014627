import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

/**
 * The protocol token under its own AccessManager.
 *
 * The deployer is the manager's first admin; the preset modules hand that role to the timelock and
 * renounce it. `mint` is restricted to the minter role, which nobody holds until a preset grants it.
 *
 * Parameters: `name`, `symbol`, `cap` (in wei).
 */
export const TokenModule = buildModule("Token", (m) => {
  const admin = m.getAccount(0);
  const name = m.getParameter("name", "QUIVer");
  const symbol = m.getParameter("symbol", "QUIV");
  const cap = m.getParameter("cap", 1_000_000_000n * 10n ** 18n);

  const manager = m.contract("AccessManager", [admin]);
  const token = m.contract("ProtocolToken", [name, symbol, cap, manager]);

  m.call(manager, "setTargetFunctionRole", [token, [selector("mint(address,uint256)")], ROLES.MINTER], {
    id: "RestrictMint",
  });

  return { manager, token };
});
