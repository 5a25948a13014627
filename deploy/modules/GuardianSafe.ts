import { createRequire } from "node:module";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { ZeroAddress } from "ethers";

// Safe's published artifacts (@safe-global/safe-smart-account 1.5.0), deployed as they are.
const require = createRequire(import.meta.url);
const SAFE = require("@safe-global/safe-smart-account/build/artifacts/contracts/Safe.sol/Safe.json");
const PROXY_FACTORY = require("@safe-global/safe-smart-account/build/artifacts/contracts/proxies/SafeProxyFactory.sol/SafeProxyFactory.json");

/**
 * The guardian: a real Safe multisig, deployed on a devnet from Safe's published artifacts (the singleton,
 * the proxy factory, then a proxy set up with the owners and threshold). On a public chain, point the
 * governance deploy at the canonical Safe deployments instead.
 *
 * Parameters: `owners` (addresses), `threshold` (5 of 9 in the QUIVer preset), `saltNonce`.
 */
export const GuardianSafeModule = buildModule("GuardianSafe", (m) => {
  const owners = m.getParameter<string[]>("owners");
  const threshold = m.getParameter("threshold", 5n);
  const saltNonce = m.getParameter("saltNonce", 0n);

  const singleton = m.contract("Safe", SAFE, [], { id: "SafeSingleton" });
  const factory = m.contract("SafeProxyFactory", PROXY_FACTORY, []);
  const initializer = m.encodeFunctionCall(singleton, "setup", [
    owners,
    threshold,
    ZeroAddress,
    "0x",
    ZeroAddress,
    ZeroAddress,
    0n,
    ZeroAddress,
  ]);
  const created = m.call(factory, "createProxyWithNonce", [singleton, initializer, saltNonce]);
  const proxy = m.readEventArgument(created, "ProxyCreation", "proxy");
  const safe = m.contractAt("Safe", SAFE, proxy, { id: "Guardian" });

  return { safe };
});
