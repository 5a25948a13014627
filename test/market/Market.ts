import { expect } from "chai";
import { id, parseEther, type Signer } from "ethers";
import { network } from "hardhat";

import { marketGovernedEntries } from "../../deploy/modules/Market.js";
import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployMarket } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { VOUCHER_TYPES, voucherDomain } from "../../scripts/lib/voucher.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CAP = parseEther("1000000000");
const MODEL = id("llama-3-8b-instruct");

/** The EIP-712 type a consumer signs, as wallets and SDKs would build it. */

describe("InferenceMarket", function () {
  async function quiverFixture() {
    const [deployer, governor, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
    const deployed = await deployMarket(connection, {
      token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
      staking: quiverStaking,
      market: quiverMarket,
      recipients: {
        validators: validators.address,
        infrastructure: infrastructure.address,
        treasury: treasury.address,
      },
    });
    const { manager, token, staking, catalog, market } = deployed;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    await token.mint(provider.address, parseEther("10000"));
    await token.connect(provider).approve(await staking.getAddress(), parseEther("10000"));
    await staking.connect(provider).registerProvider(parseEther("10000"));
    await catalog.connect(provider).listModel(MODEL, 1); // medium: 3x
    await token.mint(consumer.address, parseEther("5000"));
    await token.connect(consumer).approve(await market.getAddress(), parseEther("5000"));
    await market.connect(consumer).deposit(parseEther("5000"));
    // The consumer reserves its escrow for the provider before signing its vouchers.
    await market.connect(consumer).reserve(provider.address, parseEther("5000"));
    return { ...deployed, deployer, governor, provider, consumer, validators, infrastructure, treasury };
  }

  async function signVoucher(
    market: Awaited<ReturnType<typeof quiverFixture>>["market"],
    signer: Signer,
    voucher: Record<string, unknown>,
  ) {
    const { chainId } = await ethers.provider.getNetwork();
    return signer.signTypedData(voucherDomain(await market.getAddress(), chainId), VOUCHER_TYPES, voucher);
  }

  describe("deployment (Ignition module, QUIVer preset)", function () {
    it("binds the catalogue and the pools to the market", async function () {
      const { catalog, router, incentives, market, staking, token } = await networkHelpers.loadFixture(quiverFixture);
      expect(await catalog.market()).to.equal(await market.getAddress());
      expect(await incentives.market()).to.equal(await market.getAddress());
      expect(await router.incentives()).to.equal(await incentives.getAddress());
      expect(await incentives.feeRouter()).to.equal(await router.getAddress());
      expect(await market.catalog()).to.equal(await catalog.getAddress());
      expect(await market.feeRouter()).to.equal(await router.getAddress());
      expect(await market.incentives()).to.equal(await incentives.getAddress());
      expect(await market.staking()).to.equal(await staking.getAddress());
      expect(await market.token()).to.equal(await token.getAddress());
    });

    it("maps every privileged function to its role", async function () {
      const { manager, catalog, router, incentives, market, developers, auction, volume } =
        await networkHelpers.loadFixture(quiverFixture);
      const role = async (contract: { getAddress(): Promise<string> }, signature: string) =>
        manager.getTargetFunctionRole(await contract.getAddress(), selector(signature));
      for (const contract of [catalog, router, incentives, market, developers, auction, volume]) {
        expect(await role(contract, "setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
      }
      expect(await role(catalog, "setModelComplexity(bytes32,uint8)")).to.equal(ROLES.MARKET_CURATOR);
      expect(await role(catalog, "certify(bytes32,address,bool)")).to.equal(ROLES.MARKET_CURATOR);
      expect(await role(incentives, "setDeveloper(address,bool)")).to.equal(ROLES.MARKET_CURATOR);
      expect(await role(developers, "setOpenSource(address)")).to.equal(ROLES.MARKET_CURATOR);
      expect(await role(developers, "revokeOpenSource(address)")).to.equal(ROLES.GOVERNOR);
      expect(await role(developers, "createGrant(address,uint256,uint256)")).to.equal(ROLES.GOVERNOR);
      expect(await role(developers, "cancelGrant(uint256)")).to.equal(ROLES.GOVERNOR);
      expect(await role(router, "setFeeRecipients((address,address,address))")).to.equal(ROLES.GOVERNOR);
      expect(await role(market, "pause()")).to.equal(ROLES.GUARDIAN);
      expect(await role(market, "confirmPause()")).to.equal(ROLES.EMERGENCY);
      expect(await role(market, "unpause()")).to.equal(ROLES.GOVERNOR);
    });

    it("registers every governed number with its preset value and hard bounds", async function () {
      const { registry, catalog, router, incentives, market, developers, auction, volume } =
        await networkHelpers.loadFixture(quiverFixture);
      const contracts = { catalog, router, incentives, market, developers, auction, volume };
      const entries = marketGovernedEntries(quiverMarket);
      expect(entries).to.have.length(52);
      for (const { contract, name, key, entry } of entries) {
        const target = contracts[contract];
        const info = await registry.parameterInfo(await target.getAddress(), key);
        expect(info.registered, name).to.equal(true);
        expect([info.min, info.max, info.minStep], name).to.deep.equal([entry.min, entry.max, entry.minStep]);
        expect(await target.parameter(key), name).to.equal(entry.value);
      }
      expect(await catalog.parameter(id("market.baseRate"))).to.equal(parseEther("0.001"));
      const split = await router.feeSplit();
      expect([
        split.providerBps,
        split.validatorBps,
        split.burnBps,
        split.infrastructureBps,
        split.treasuryBps,
      ]).to.deep.equal([8_000n, 50n, 100n, 1_350n, 500n]);
    });
  });

  describe("quote", function () {
    it("prices a medium model at three times the base rate", async function () {
      const { catalog } = await networkHelpers.loadFixture(quiverFixture);
      expect(await catalog.pricePerToken(MODEL)).to.equal(parseEther("0.003"));
      expect(await catalog.quote(MODEL, 1_000n)).to.equal(parseEther("3"));
    });
  });

  describe("settle", function () {
    it("settles a voucher signed with eth_signTypedData and splits it by the table", async function () {
      const { market, token, provider, consumer, validators, infrastructure, treasury } =
        await networkHelpers.loadFixture(quiverFixture);
      // 100,000 generated tokens at the quoted 0.003 QUIV: 300 QUIV of list value.
      const voucher = {
        consumer: consumer.address,
        provider: provider.address,
        batch: false,
        modelId: MODEL,
        priorityBps: 0n,
        epoch: 0n,
        cumulativeAmount: parseEther("300"),
        cumulativeTokens: 100_000n,
        deadline: BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 3_600),
      };
      const signature = await signVoucher(market, consumer, voucher);
      expect(await market.hashVoucher(voucher)).to.equal(
        ethers.TypedDataEncoder.hash(
          {
            name: "InferenceMarket",
            version: "1",
            chainId: (await ethers.provider.getNetwork()).chainId,
            verifyingContract: await market.getAddress(),
          },
          VOUCHER_TYPES,
          voucher,
        ),
      );

      // Subject ids: the channel's number (1) above its settlement's 24-bit ordinal (1).
      const subject = ethers.zeroPadValue("0x01000001", 32);
      await expect(market.connect(provider).settle(voucher, signature))
        .to.emit(market, "Settled")
        .withArgs(subject, 1n, parseEther("300"), 100_000n, 0n, parseEther("300"), 0n);
      expect((await market.reserveOf(consumer.address, provider.address)).deposits).to.equal(parseEther("4700"));
      expect((await market.earningsOf(provider.address)).unclaimed).to.equal(parseEther("240"));

      const [subjectProvider, subjectConsumer, value] = await market.challengeSubject(subject);
      expect([subjectProvider, subjectConsumer, value]).to.deep.equal([
        provider.address,
        consumer.address,
        parseEther("300"),
      ]);

      const supply = await token.totalSupply();
      await market.distributeFees();
      expect(supply - (await token.totalSupply())).to.equal(parseEther("3"));
      expect(await token.balanceOf(validators.address)).to.equal(parseEther("1.5"));
      expect(await token.balanceOf(infrastructure.address)).to.equal(parseEther("40.5"));
      expect(await token.balanceOf(treasury.address)).to.equal(parseEther("15"));

      await market.connect(provider).claimEarnings();
      expect(await token.balanceOf(provider.address)).to.equal(parseEther("240"));
    });

    it("refuses the same voucher twice", async function () {
      const { market, provider, consumer } = await networkHelpers.loadFixture(quiverFixture);
      const voucher = {
        consumer: consumer.address,
        provider: provider.address,
        batch: false,
        modelId: MODEL,
        priorityBps: 0n,
        epoch: 0n,
        cumulativeAmount: parseEther("30"),
        cumulativeTokens: 10_000n,
        deadline: BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 3_600),
      };
      const signature = await signVoucher(market, consumer, voucher);
      await market.connect(provider).settle(voucher, signature);
      await expect(market.connect(provider).settle(voucher, signature))
        .to.be.revertedWithCustomError(market, "VoucherAlreadySettled")
        .withArgs(parseEther("30"), parseEther("30"));
    });
  });

  describe("governance", function () {
    it("moves the burn share through the registry, out of the provider's share", async function () {
      const { registry, router, governor } = await networkHelpers.loadFixture(quiverFixture);
      await registry.connect(governor).set(await router.getAddress(), id("market.burnFeeBps"), 120n);
      const split = await router.feeSplit();
      expect([split.providerBps, split.burnBps]).to.deep.equal([7_980n, 120n]);
    });
  });
});
