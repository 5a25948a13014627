/**
 * The main job: deploy the suite to an in-process devnet, exercise it and print what happened.
 *
 * At this stage the suite is the protocol token: a genesis mint of the QUIVer supply to a treasury,
 * the minter role revoked (fixed supply), then transfers, delegation, a permit and a burn.
 *
 *   npm run demo
 */
import { network } from "hardhat";
import { formatEther, parseEther, Signature, type ContractTransactionResponse } from "ethers";

import { deployToken } from "./lib/deploy.js";
import { ROLES } from "./lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const [deployer, treasury, alice, bob] = await ethers.getSigners();

const CAP = parseEther("1000000000");
const steps: { step: string; gas: bigint }[] = [];

async function record(step: string, tx: Promise<ContractTransactionResponse>) {
  const receipt = await (await tx).wait();
  steps.push({ step, gas: receipt?.gasUsed ?? 0n });
}

const fmt = (wei: bigint) => `${Number(formatEther(wei)).toLocaleString("en-US")} `;

console.log("Deploying the protocol token (Ignition module deploy/modules/Token.ts) ...");
const { manager, token } = await deployToken(connection, { name: "QUIVer", symbol: "QUIV", cap: CAP });
console.log(`  AccessManager ${await manager.getAddress()}`);
console.log(`  ProtocolToken ${await token.getAddress()} (${await token.symbol()}, cap ${fmt(CAP)}QUIV)`);

// Genesis: the deployer mints the whole supply once, then gives the minter role up.
await record("grant minter role", manager.grantRole(ROLES.MINTER, deployer.address, 0));
await record("genesis mint (1B to treasury)", token.mint(treasury.address, CAP));
await record("revoke minter role", manager.revokeRole(ROLES.MINTER, deployer.address));

await record("transfer 50,000 to alice", token.connect(treasury).transfer(alice.address, parseEther("50000")));
await record("alice self-delegates", token.connect(alice).delegate(alice.address));
const snapshot = await networkHelpers.time.latest();

// Alice signs a permit off-chain; bob submits it and spends the allowance.
const deadline = BigInt(snapshot) + 3600n;
const { chainId } = await ethers.provider.getNetwork();
const permitSig = await alice.signTypedData(
  { name: "QUIVer", version: "1", chainId, verifyingContract: await token.getAddress() },
  {
    Permit: [
      { name: "owner", type: "address" },
      { name: "spender", type: "address" },
      { name: "value", type: "uint256" },
      { name: "nonce", type: "uint256" },
      { name: "deadline", type: "uint256" },
    ],
  },
  { owner: alice.address, spender: bob.address, value: parseEther("10000"), nonce: 0n, deadline },
);
const { v, r, s } = Signature.from(permitSig);
await record(
  "permit (bob submits alice's signature)",
  token.connect(bob).permit(alice.address, bob.address, parseEther("10000"), deadline, v, r, s),
);
await record(
  "bob transferFrom alice 10,000",
  token.connect(bob).transferFrom(alice.address, bob.address, parseEther("10000")),
);
await record("bob burns 2,500", token.connect(bob).burn(parseEther("2500")));

let mintRefused = "no";
try {
  await token.mint(deployer.address, 1n);
} catch (error) {
  mintRefused = `yes (${token.interface.parseError((error as { data: string }).data)?.name ?? "reverted"})`;
}
await networkHelpers.mine();

console.log("\nWhat happened (gas used per transaction):");
console.table(steps.map(({ step, gas }) => ({ step, gas: Number(gas) })));

console.log("Token figures:");
console.table({
  "total minted": fmt(await token.totalMinted()),
  "total burned": fmt(await token.totalBurned()),
  "total supply": fmt(await token.totalSupply()),
  "treasury balance": fmt(await token.balanceOf(treasury.address)),
  "alice balance": fmt(await token.balanceOf(alice.address)),
  "bob balance": fmt(await token.balanceOf(bob.address)),
  "alice votes now": fmt(await token.getVotes(alice.address)),
  "alice votes at snapshot": fmt(await token.getPastVotes(alice.address, snapshot)),
});
console.log(`Minting after genesis refused: ${mintRefused}`);
