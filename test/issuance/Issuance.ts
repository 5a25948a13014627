import { expect } from "chai";
import { id, Signature, type Signer } from "ethers";
import { network } from "hardhat";

import { deployIssuance } from "../../scripts/lib/deploy.js";
import { formatStatement, issuerStatement } from "../../scripts/lib/issuance-statement.js";
import { RewardTree } from "../../scripts/lib/merkle.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const QUT = 10n ** 18n;
const DAY = 86_400n;

const VOUCHER_TYPES = {
  Voucher: [
    { name: "to", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "id", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

describe("Issuance (Qutoken issuer platform)", function () {
  async function deployFixture() {
    const [deployer, treasury, distributor, governor, alice, bob, carol, dave] = await ethers.getSigners();
    const contracts = await deployIssuance(connection, {
      feeRecipient: treasury.address,
      distributor: distributor.address,
    });
    const { manager, qut } = contracts;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    for (const s of [alice, bob, treasury]) await qut.mint(s.address, 1_000_000n * QUT);
    return { ...contracts, deployer, treasury, distributor, governor, alice, bob, carol, dave };
  }

  type Fixture = Awaited<ReturnType<typeof deployFixture>>;

  async function stake(f: Fixture, issuer: Signer, amount: bigint) {
    await f.qut.connect(issuer).approve(await f.registry.getAddress(), amount);
    await f.registry.connect(issuer).stake(amount);
  }

  async function createToken(f: Fixture, issuer: Signer, name: string, symbol: string, cap: bigint) {
    await f.qut.connect(issuer).approve(await f.registry.getAddress(), 1_000n * QUT);
    const config = {
      name,
      symbol,
      cap,
      termsURI: `ipfs://${symbol.toLowerCase()}-terms`,
      termsHash: id(`${name} terms v1`),
      minter: ethers.ZeroAddress,
    };
    await f.factory.connect(issuer).createToken(config);
    return ethers.getContractAt("IssuerToken", await f.factory.tokenAt((await f.factory.tokenCount()) - 1n));
  }

  async function signVoucher(
    signer: Signer,
    token: Awaited<ReturnType<typeof createToken>>,
    voucher: { to: string; amount: bigint; id: bigint; deadline: bigint },
  ) {
    const { chainId } = await ethers.provider.getNetwork();
    const domain = { name: await token.name(), version: "1", chainId, verifyingContract: await token.getAddress() };
    return signer.signTypedData(domain, VOUCHER_TYPES, voucher);
  }

  describe("deployment (Ignition module)", function () {
    it("deploys QUT and the platform with the preset's numbers", async function () {
      const { qut, registry, factory, rewards, settlement, treasury } = await networkHelpers.loadFixture(deployFixture);
      expect(await qut.name()).to.equal("Qutoken");
      expect(await qut.symbol()).to.equal("QUT");
      expect(await qut.cap()).to.equal(1_000_000_000n * QUT);
      expect(await registry.systemToken()).to.equal(await qut.getAddress());
      const tiers = await Promise.all([0, 1, 2].map((i) => registry.tier(i)));
      expect(tiers.map((t) => [t.minStake, t.slots])).to.deep.equal([
        [10_000n * QUT, 1n],
        [50_000n * QUT, 5n],
        [250_000n * QUT, 25n],
      ]);
      expect(await registry.parameter(id("issuance.unstakeNoticePeriod"))).to.equal(3_024_000n);
      expect(await registry.feeRecipient()).to.equal(treasury.address);
      expect(await factory.creationFee()).to.equal(1_000n * QUT);
      expect(await rewards.claimWindow()).to.equal(7_776_000n);
      expect(await rewards.rewardToken()).to.equal(await qut.getAddress());
      expect(await settlement.registry()).to.equal(await registry.getAddress());
      expect(await ethers.provider.getCode(await factory.implementation())).to.not.equal("0x");
    });

    it("wires every restricted function to its role", async function () {
      const { manager, registry, factory, rewards, parameters, distributor } =
        await networkHelpers.loadFixture(deployFixture);
      const role = async (target: { getAddress(): Promise<string> }, sig: string) =>
        manager.getTargetFunctionRole(await target.getAddress(), selector(sig));
      expect(await role(registry, "suspend(address,bytes32)")).to.equal(ROLES.GOVERNOR);
      expect(await role(registry, "reinstate(address)")).to.equal(ROLES.GOVERNOR);
      expect(await role(registry, "slash(address,uint256,bytes32)")).to.equal(ROLES.GOVERNOR);
      expect(await role(registry, "setFeeRecipient(address)")).to.equal(ROLES.GOVERNOR);
      expect(await role(registry, "useSlot(address)")).to.equal(ROLES.ISSUANCE_SLOT_CONSUMER);
      expect(await role(registry, "releaseSlot(address)")).to.equal(ROLES.ISSUANCE_SLOT_CONSUMER);
      expect(await role(registry, "chargeFee(address,uint256,bytes32)")).to.equal(ROLES.ISSUANCE_FEE_COLLECTOR);
      expect(await role(rewards, "startPeriod(bytes32,uint256)")).to.equal(ROLES.ISSUANCE_PARTNER_DISTRIBUTOR);
      for (const target of [registry, factory, rewards]) {
        expect(await role(target, "setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
      }
      const factoryAddress = await factory.getAddress();
      expect((await manager.hasRole(ROLES.ISSUANCE_SLOT_CONSUMER, factoryAddress))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.ISSUANCE_FEE_COLLECTOR, factoryAddress))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.ISSUANCE_PARTNER_DISTRIBUTOR, distributor.address))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.PARAMETER_REGISTRY, await parameters.getAddress()))[0]).to.equal(true);
    });

    it("registers every governed number with its hard bounds", async function () {
      const { registry, factory, rewards, parameters } = await networkHelpers.loadFixture(deployFixture);
      const expected: [{ getAddress(): Promise<string> }, string, bigint, bigint][] = [
        [registry, "issuance.tier1MinStake", 1_000n * QUT, 1_000_000n * QUT],
        [registry, "issuance.tier2MinStake", 5_000n * QUT, 5_000_000n * QUT],
        [registry, "issuance.tier3MinStake", 25_000n * QUT, 25_000_000n * QUT],
        [registry, "issuance.tier1Slots", 1n, 10n],
        [registry, "issuance.tier2Slots", 1n, 50n],
        [registry, "issuance.tier3Slots", 1n, 250n],
        [registry, "issuance.unstakeNoticePeriod", 30n * DAY, 90n * DAY],
        [factory, "issuance.creationFee", 0n, 100_000n * QUT],
        [rewards, "issuance.partnerClaimWindow", 7n * DAY, 365n * DAY],
      ];
      for (const [target, key, min, max] of expected) {
        const info = await parameters.parameterInfo(await target.getAddress(), id(key));
        expect(info.registered, key).to.equal(true);
        expect([info.min, info.max], key).to.deep.equal([min, max]);
      }
      expect(await registry.TIER1_MIN_STAKE()).to.equal(id("issuance.tier1MinStake"));
      expect(await factory.CREATION_FEE()).to.equal(id("issuance.creationFee"));
    });
  });

  describe("the life of an issuer", function () {
    it("stakes, creates, mints, circulates, redeems, settles and unstakes; the statement adds up", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const { registry, factory, settlement, qut, alice, bob, carol, dave, treasury } = f;

      await stake(f, alice, 60_000n * QUT); // tier 2: five slots
      expect(await registry.isVerified(alice.address)).to.equal(true);
      const coffee = await createToken(f, alice, "Coffee Club", "COFFEE", 10_000n * QUT);
      const tea = await createToken(f, alice, "Tea House", "TEA", 500n * QUT);
      expect(await qut.balanceOf(treasury.address)).to.equal(1_000_000n * QUT + 2_000n * QUT);

      await coffee.connect(alice).mint(carol.address, 300n * QUT);
      await coffee.connect(carol).transfer(dave.address, 40n * QUT);
      await coffee.connect(dave).transfer(carol.address, 15n * QUT);

      // Hybrid issuance: alice signs a voucher off-chain; dave submits it for himself.
      const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
      const voucher = { to: dave.address, amount: 25n * QUT, id: 1n, deadline };
      await expect(
        coffee
          .connect(dave)
          .claimVoucher(dave.address, 25n * QUT, 1n, deadline, await signVoucher(alice, coffee, voucher)),
      )
        .to.emit(coffee, "VoucherClaimed")
        .withArgs(1n, dave.address, 25n * QUT);

      await expect(coffee.connect(carol).redeem(100n * QUT, id("latte-order-7")))
        .to.emit(coffee, "Redeemed")
        .withArgs(1n, carol.address, 100n * QUT, id("latte-order-7"));
      await coffee.connect(dave).redeem(20n * QUT, id("beans"));
      await coffee.connect(alice).fulfil(1n);
      await coffee.connect(alice).refund(2n);
      await coffee.connect(carol).redeem(5n * QUT, id("cookie"));
      await tea.connect(alice).mint(bob.address, 500n * QUT);

      await qut.connect(alice).approve(await registry.getAddress(), 250n * QUT);
      await registry.connect(alice).payServiceFee(id("api.pro"), 250n * QUT);
      await stake(f, bob, 10_000n * QUT);
      await qut.connect(alice).approve(await settlement.getAddress(), 700n * QUT);
      await settlement.connect(alice).settle(bob.address, 700n * QUT, id("invoice-12"));

      const statement = await issuerStatement(connection, f, alice.address);
      expect(statement.status).to.equal("Verified");
      expect(statement.stake).to.equal(60_000n * QUT);
      expect([statement.slotsUsed, statement.slotCapacity]).to.deep.equal([2n, 5n]);
      expect(statement.feesPaid).to.equal(2_250n * QUT);
      expect(statement.feesByKind.get(id("issuance.fee.tokenCreation"))).to.equal(2_000n * QUT);
      expect(statement.feesByKind.get(id("api.pro"))).to.equal(250n * QUT);
      expect(statement.settlementsPaid).to.equal(700n * QUT);
      const [c, t] = statement.tokens;
      expect(c.symbol).to.equal("COFFEE");
      expect(c.issued).to.equal(325n * QUT); // 300 minted + 25 by voucher
      expect(c.issuedByVoucher).to.equal(25n * QUT);
      expect(c.redeemed).to.equal(125n * QUT); // 100 + 20 + 5
      expect([c.fulfilled, c.refunded, c.pending]).to.deep.equal([100n * QUT, 20n * QUT, 5n * QUT]);
      expect(c.redemptions).to.equal(3n);
      expect(c.supply).to.equal(220n * QUT); // 325 - 100 - 20 + 20 - 5
      expect([c.transfers, c.transferVolume]).to.deep.equal([2, 55n * QUT]);
      expect([t.symbol, t.supply, t.issued]).to.deep.equal(["TEA", 500n * QUT, 500n * QUT]);
      const text = formatStatement(statement, new Map([[id("issuance.fee.tokenCreation"), "token creation"]]));
      expect(text).to.contain("token creation: 2,000 QUT");
      expect(text).to.contain("redeemed 125 in 3 redemptions: fulfilled 100, refunded 20, pending 5");

      // Winding down: the 220 COFFEE outstanding block retirement, then the pending redemptions do; once every
      // holder redeemed and alice delivered, retire both, unstake, withdraw.
      await expect(factory.connect(alice).retireToken(await coffee.getAddress()))
        .to.be.revertedWithCustomError(coffee, "SupplyOutstanding")
        .withArgs(220n * QUT);
      await coffee.connect(carol).redeem(170n * QUT, id("carol-rest"));
      await coffee.connect(dave).redeem(50n * QUT, id("dave-rest"));
      await expect(factory.connect(alice).retireToken(await coffee.getAddress()))
        .to.be.revertedWithCustomError(coffee, "RedemptionsPending")
        .withArgs(225n * QUT);
      for (const n of [3n, 4n, 5n]) await coffee.connect(alice).fulfil(n);
      await factory.connect(alice).retireToken(await coffee.getAddress());
      await expect(registry.connect(alice).requestUnstake(60_000n * QUT))
        .to.be.revertedWithCustomError(registry, "SlotsInUse")
        .withArgs(1n, 0n);
      await tea.connect(bob).redeem(500n * QUT, id("tea-all"));
      await tea.connect(alice).fulfil(1n);
      await factory.connect(alice).retireToken(await tea.getAddress());
      await registry.connect(alice).requestUnstake(60_000n * QUT);
      await networkHelpers.time.increase(35n * DAY);
      const before = await qut.balanceOf(alice.address);
      await registry.connect(alice).withdraw();
      expect((await qut.balanceOf(alice.address)) - before).to.equal(60_000n * QUT);
      expect(await registry.totalStaked()).to.equal(10_000n * QUT);
    });
  });

  describe("signatures made by wallets", function () {
    it("a voucher claims once, and only on the token it was signed for", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const { alice, carol } = f;
      await stake(f, alice, 50_000n * QUT);
      const a = await createToken(f, alice, "Coffee Club", "COFFEE", 1_000n * QUT);
      const b = await createToken(f, alice, "Coffee Club", "COFFEE", 1_000n * QUT);
      const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
      const v = { to: carol.address, amount: 10n * QUT, id: 7n, deadline };
      const sig = await signVoucher(alice, a, v);

      await expect(b.claimVoucher(v.to, v.amount, v.id, v.deadline, sig))
        .to.be.revertedWithCustomError(b, "InvalidVoucherSignature")
        .withArgs(7n);
      await a.claimVoucher(v.to, v.amount, v.id, v.deadline, sig);
      await expect(a.claimVoucher(v.to, v.amount, v.id, v.deadline, sig))
        .to.be.revertedWithCustomError(a, "VoucherAlreadyUsed")
        .withArgs(7n);
      expect(await a.balanceOf(carol.address)).to.equal(10n * QUT);
      expect(await b.totalSupply()).to.equal(0n);
    });

    it("a permit signed for one clone is refused by another", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const { alice, carol, dave } = f;
      await stake(f, alice, 50_000n * QUT);
      const a = await createToken(f, alice, "Coffee Club", "COFFEE", 1_000n * QUT);
      const b = await createToken(f, alice, "Coffee Club", "COFFEE", 1_000n * QUT);
      const { chainId } = await ethers.provider.getNetwork();
      const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
      const message = { owner: carol.address, spender: dave.address, value: 5n * QUT, nonce: 0n, deadline };
      const domain = { name: "Coffee Club", version: "1", chainId, verifyingContract: await a.getAddress() };
      const { v, r, s } = Signature.from(await carol.signTypedData(domain, PERMIT_TYPES, message));

      await expect(b.permit(carol.address, dave.address, 5n * QUT, deadline, v, r, s)).to.be.revertedWithCustomError(
        b,
        "ERC2612InvalidSigner",
      );
      await a.permit(carol.address, dave.address, 5n * QUT, deadline, v, r, s);
      expect(await a.allowance(carol.address, dave.address)).to.equal(5n * QUT);
      expect(await b.allowance(carol.address, dave.address)).to.equal(0n);
    });
  });

  describe("partner rewards", function () {
    it("pays every partner of a period built off-chain, once, then sweeps the rest", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const { rewards, qut, treasury, distributor } = f;
      const partners = (await ethers.getSigners()).slice(10, 15); // five: an odd tree
      const tree = new RewardTree(partners.map((p, i) => ({ account: p.address, amount: BigInt(i + 1) * 100n * QUT })));
      expect(tree.total).to.equal(1_500n * QUT);

      await qut.connect(treasury).approve(await rewards.getAddress(), 2_000n * QUT);
      await rewards.connect(treasury).fund(2_000n * QUT);
      await expect(rewards.connect(distributor).startPeriod(tree.root, tree.total)).to.emit(rewards, "PeriodStarted");

      for (let i = 0; i < 4; i++) {
        await rewards.claim(1n, BigInt(i), partners[i].address, tree.entries[i].amount, tree.proof(i));
        expect(await qut.balanceOf(partners[i].address)).to.equal(BigInt(i + 1) * 100n * QUT);
      }
      await expect(rewards.claim(1n, 0n, partners[0].address, 100n * QUT, tree.proof(0)))
        .to.be.revertedWithCustomError(rewards, "AlreadyClaimed")
        .withArgs(1n, 0n);

      await networkHelpers.time.increase(90n * DAY);
      await expect(rewards.claim(1n, 4n, partners[4].address, 500n * QUT, tree.proof(4))).to.be.revertedWithCustomError(
        rewards,
        "PeriodExpired",
      );
      await expect(rewards.sweep(1n))
        .to.emit(rewards, "PeriodSwept")
        .withArgs(1n, 500n * QUT);
      expect(await rewards.unallocated()).to.equal(1_000n * QUT); // 500 never allocated + 500 swept
    });
  });

  describe("governance", function () {
    it("a suspended issuer cannot mint; holders still redeem", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const { registry, alice, carol, governor } = f;
      await stake(f, alice, 10_000n * QUT);
      const token = await createToken(f, alice, "Coffee Club", "COFFEE", 1_000n * QUT);
      await token.connect(alice).mint(carol.address, 10n * QUT);
      await registry.connect(governor).suspend(alice.address, id("broken terms"));
      await expect(token.connect(alice).mint(carol.address, 1n))
        .to.be.revertedWithCustomError(registry, "IssuerNotVerified")
        .withArgs(alice.address, 2n);
      await token.connect(carol).redeem(4n * QUT, id("order"));
      expect(await token.balanceOf(carol.address)).to.equal(6n * QUT);
    });

    it("changes the creation fee through the parameter registry, within 20% per quarter", async function () {
      const { parameters, factory, governor } = await networkHelpers.loadFixture(deployFixture);
      const key = id("issuance.creationFee");
      await expect(parameters.connect(governor).set(await factory.getAddress(), key, 1_201n * QUT))
        .to.be.revertedWithCustomError(parameters, "ChangeTooLarge")
        .withArgs(1_201n * QUT, 800n * QUT, 1_200n * QUT);
      await parameters.connect(governor).set(await factory.getAddress(), key, 1_200n * QUT);
      expect(await factory.creationFee()).to.equal(1_200n * QUT);
    });
  });
});
