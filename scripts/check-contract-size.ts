/**
 * Prints the deployed size of the contracts that live near the 24,576-byte code limit (EIP-170) and fails when
 * one leaves less than its required headroom. The staking core must keep 2,000 bytes free, so a fix can land
 * without another split.
 *
 * Run after `hardhat build`: `hardhat run --no-compile scripts/check-contract-size.ts` (part of `npm run lint`).
 */
import { readFile } from "node:fs/promises";

const LIMIT = 24_576;

/** Artifact path, and the bytes it must leave under the limit. */
const CHECKED: { artifact: string; headroom: number }[] = [
  { artifact: "artifacts/contracts/staking/ProviderStaking.sol/ProviderStaking.json", headroom: 2_000 },
  { artifact: "artifacts/contracts/market/InferenceMarket.sol/InferenceMarket.json", headroom: 1_000 },
];

let failed = false;
for (const { artifact, headroom } of CHECKED) {
  const { contractName, deployedBytecode } = JSON.parse(await readFile(artifact, "utf8")) as {
    contractName: string;
    deployedBytecode: string;
  };
  const size = (deployedBytecode.length - 2) / 2;
  const free = LIMIT - size;
  const ok = free >= headroom;
  console.log(
    `${contractName}: ${size.toLocaleString("en-US")} bytes deployed, ${free.toLocaleString("en-US")} under ` +
      `${LIMIT.toLocaleString("en-US")} (at least ${headroom.toLocaleString("en-US")} required)${ok ? "" : ": FAIL"}`,
  );
  if (!ok) failed = true;
}
if (failed) process.exitCode = 1;
