import { expect } from "chai";
import { network } from "hardhat";

import { deployToken } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CAP = 1_000_000_000n * 10n ** 18n;

describe("ProtocolToken", function () {
  async function deployFixture() {
    const [deployer, minter, alice, bob] = await ethers.getSigners();
    const { manager, token } = await deployToken(connection, { name: "QUIVer", symbol: "QUIV", cap: CAP });
    await manager.grantRole(ROLES.MINTER, minter.address, 0);
    return { manager, token, deployer, minter, alice, bob };
  }

  describe("deployment (Ignition module)", function () {
    it("deploys with the given metadata, cap and authority", async function () {
      const { manager, token } = await networkHelpers.loadFixture(deployFixture);
      expect(await token.name()).to.equal("QUIVer");
      expect(await token.symbol()).to.equal("QUIV");
      expect(await token.cap()).to.equal(CAP);
      expect(await token.authority()).to.equal(await manager.getAddress());
      expect(await token.CLOCK_MODE()).to.equal("mode=timestamp");
    });

    it("restricts mint to the minter role", async function () {
      const { manager, token } = await networkHelpers.loadFixture(deployFixture);
      const mintSelector = token.interface.getFunction("mint").selector;
      expect(await manager.getTargetFunctionRole(await token.getAddress(), mintSelector)).to.equal(ROLES.MINTER);
    });
  });

  describe("mint", function () {
    it("lets the minter mint and emits Transfer from zero", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(deployFixture);
      await expect(token.connect(minter).mint(alice.address, 10n ** 18n))
        .to.emit(token, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 10n ** 18n);
      expect(await token.totalMinted()).to.equal(10n ** 18n);
    });

    it("reverts for a caller without the minter role", async function () {
      const { token, alice } = await networkHelpers.loadFixture(deployFixture);
      await expect(token.connect(alice).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "AccessManagedUnauthorized")
        .withArgs(alice.address);
      expect(await token.totalSupply()).to.equal(0n);
    });

    it("reverts one wei over the cap and leaves the supply at the cap", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(deployFixture);
      await token.connect(minter).mint(alice.address, CAP);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "CapExceeded")
        .withArgs(CAP + 1n, CAP);
      expect(await token.totalSupply()).to.equal(CAP);
    });

    it("reverts for the zero address and for a zero amount", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(deployFixture);
      await expect(token.connect(minter).mint(ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
      await expect(token.connect(minter).mint(alice.address, 0n)).to.be.revertedWithCustomError(token, "ZeroAmount");
      expect(await token.totalMinted()).to.equal(0n);
    });
  });

  describe("permit", function () {
    it("sets an allowance from an EIP-712 signature made by a wallet", async function () {
      const { token, minter, alice, bob } = await networkHelpers.loadFixture(deployFixture);
      await token.connect(minter).mint(alice.address, 100n);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { chainId } = await ethers.provider.getNetwork();
      const signature = await alice.signTypedData(
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
        { owner: alice.address, spender: bob.address, value: 40n, nonce: 0n, deadline },
      );
      const { v, r, s } = ethers.Signature.from(signature);
      await token.permit(alice.address, bob.address, 40n, deadline, v, r, s);
      expect(await token.allowance(alice.address, bob.address)).to.equal(40n);

      await expect(token.permit(alice.address, bob.address, 40n, deadline, v, r, s)).to.be.revertedWithCustomError(
        token,
        "ERC2612InvalidSigner",
      );
    });
  });

  describe("votes", function () {
    it("reads past votes by timestamp, unaffected by a later transfer", async function () {
      const { token, minter, alice, bob } = await networkHelpers.loadFixture(deployFixture);
      await token.connect(minter).mint(alice.address, 1_000n);
      await token.connect(alice).delegate(alice.address);
      const snapshot = await networkHelpers.time.latest();
      await token.connect(alice).transfer(bob.address, 600n);
      await token.connect(bob).delegate(bob.address);
      await networkHelpers.mine();
      expect(await token.getPastVotes(alice.address, snapshot)).to.equal(1_000n);
      expect(await token.getPastVotes(bob.address, snapshot)).to.equal(0n);
      expect(await token.getVotes(alice.address)).to.equal(400n);
    });
  });

  describe("burn", function () {
    it("counts burns in totalBurned and lowers the supply", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(deployFixture);
      await token.connect(minter).mint(alice.address, 1_000n);
      await token.connect(alice).burn(250n);
      expect(await token.totalBurned()).to.equal(250n);
      expect(await token.totalSupply()).to.equal(750n);
      expect(await token.totalMinted()).to.equal(1_000n);
    });
  });
});
