import { expect } from "chai";
import { type BaseContract, getCreate2Address, id, keccak256, solidityPacked } from "ethers";
import { network } from "hardhat";

import { lendingKey } from "../../deploy/modules/Lending.js";
import { PAIR_ARTIFACT, ROUTER_ARTIFACT } from "../../deploy/modules/devnet/UniswapV2.js";
import { QERUN_LENDING } from "../../presets/qerun/lending.js";
import { deployLendingDevnet } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const USDC = 10n ** 6n;
const QER = 10n ** 18n;
const MAX = ethers.MaxUint256;
// Hand-computed with Uniswap V2's formula, out = in x 997 x R_eth / (R_usdc x 1000 + in x 997), on the seeded
// pool (10,000,000 USDC / 5,000 ETH): 500 USDC buys 249,237,575,506,860,982 wei; 90% of it is the position's.
const ETH_FOR_500 = 249_237_575_506_860_982n;
const POSITION_ETH = 224_313_817_956_174_883n;
// keccak256 of UniswapV2Pair's creation bytecode, as hard-coded in UniswapV2Library.pairFor (Router02).
const PAIR_INIT_CODE_HASH = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f";

describe("Lending (devnet: Ignition modules, real Uniswap V2)", function () {
  async function deployFixture() {
    const [deployer, governor, emergency, guardian, supplier, alice, bob, liquidator] = await ethers.getSigners();
    // The deployer seeds the pool with 5,000 ETH each time a fixture deploys a fresh copy.
    await networkHelpers.setBalance(deployer.address, 100_000n * QER);
    const lending = await deployLendingDevnet(connection);
    const { manager, stable, vault, qer, creditManager } = lending;
    await manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    await manager.grantRole(ROLES.EMERGENCY, emergency.address, 0);
    await manager.grantRole(ROLES.GUARDIAN, guardian.address, 0);
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);

    await stable.mint(supplier.address, 1_000_000n * USDC);
    await stable.connect(supplier).approve(await vault.getAddress(), MAX);
    await vault.connect(supplier).deposit(1_000_000n * USDC, supplier.address);

    const cm = await creditManager.getAddress();
    for (const who of [alice, bob, liquidator]) {
      await qer.mint(who.address, 10_000n * QER);
      await qer.connect(who).approve(cm, MAX);
      await stable.connect(who).approve(cm, MAX);
    }
    const pairAddress = await lending.uniswap.factory.getFunction("getPair")(
      await stable.getAddress(),
      await lending.uniswap.weth.getAddress(),
    );
    const pair = new ethers.Contract(pairAddress, PAIR_ARTIFACT.abi, deployer);
    return { ...lending, pair, deployer, governor, emergency, guardian, supplier, alice, bob, liquidator };
  }

  /** alice locks 1,000 QER ($2,000) and draws the full 50%: 1,000 USDC. */
  async function openAliceAtMax(f: Awaited<ReturnType<typeof deployFixture>>) {
    await f.creditManager.connect(f.alice).addCollateral(f.alice.address, 1_000n * QER);
    const deadline = (await networkHelpers.time.latest()) + 600;
    await f.creditManager.connect(f.alice).borrow(1_000n * USDC, 0n, deadline);
    return f;
  }

  async function aliceAtMaxFixture() {
    return openAliceAtMax(await deployFixture());
  }

  /**
   * The same with the rate curve set to zero first (emergency path), so the blocks that follow add no interest
   * and the figures stay the hand-computed ones (interest itself is tested in test/lending/*.t.sol).
   */
  async function aliceAtMaxNoInterestFixture() {
    const f = await deployFixture();
    const vault = await f.vault.getAddress();
    for (const key of ["baseRateBps", "slope1Bps", "slope2Bps"]) {
      await f.registry.connect(f.emergency).setEmergency(vault, lendingKey(key), 0n);
    }
    return openAliceAtMax(f);
  }

  const deadline = async () => (await networkHelpers.time.latest()) + 600;

  describe("deployment", function () {
    it("registers every governed number with the preset's value and bounds", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const groups = [
        [f.creditManager, QERUN_LENDING.creditManager],
        [f.vault, QERUN_LENDING.vault],
        [f.reserve, QERUN_LENDING.reserve],
        [f.oracle, QERUN_LENDING.oracle],
      ] as const;
      let count = 0;
      for (const [module, params] of groups) {
        for (const [name, g] of Object.entries(params)) {
          const info = await f.registry.parameterInfo(await module.getAddress(), lendingKey(name));
          expect(info.registered, name).to.equal(true);
          expect([info.min, info.max, info.minStep], name).to.deep.equal([g.min, g.max, g.minStep]);
          expect(await module.parameter(lendingKey(name)), name).to.equal(g.value);
          count++;
        }
      }
      expect(count).to.equal(19);
      const pause = await f.registry.parameterInfo(await f.creditManager.getAddress(), id("pause.duration"));
      expect([pause.registered, pause.min, pause.max, pause.minStep], "pause.duration").to.deep.equal([
        true,
        24n * 86_400n,
        90n * 86_400n,
        86_400n,
      ]);
      expect(await f.creditManager.parameter(id("pause.duration")), "pause.duration value").to.equal(30n * 86_400n);
    });

    it("wires the roles", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const role = async (target: BaseContract, fn: string) =>
        f.manager.getTargetFunctionRole(await target.getAddress(), target.interface.getFunction(fn)!.selector);
      expect(await role(f.reserve, "withdrawUnowned")).to.equal(ROLES.GOVERNOR);
      expect(await role(f.creditManager, "pause")).to.equal(ROLES.GUARDIAN);
      expect(await role(f.creditManager, "unpause")).to.equal(ROLES.GOVERNOR);
      expect(await role(f.creditManager, "confirmPause")).to.equal(ROLES.EMERGENCY);
      expect(await role(f.creditManager, "setParameter")).to.equal(ROLES.PARAMETER_REGISTRY);
      // The lending modules are wired to each other once, not through AccessManager roles.
      const cm = await f.creditManager.getAddress();
      expect(await f.vault.creditManager(), "the vault's only borrower").to.equal(cm);
      expect(await f.reserve.creditManager(), "the reserve's only swapper").to.equal(cm);
      expect(await f.fund.vault(), "the fund's only drawer").to.equal(await f.vault.getAddress());
    });
  });

  describe("Uniswap V2 from the npm artifacts", function () {
    it("the router's hard-coded pair hash is keccak256 of the core pair's creation bytecode", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      expect(keccak256(PAIR_ARTIFACT.bytecode)).to.equal(PAIR_INIT_CODE_HASH);
      const routerCode = await ethers.provider.getCode(await f.uniswap.router.getAddress());
      expect(routerCode).to.contain(PAIR_INIT_CODE_HASH.slice(2));
      expect(ROUTER_ARTIFACT.deployedBytecode).to.contain(PAIR_INIT_CODE_HASH.slice(2));
      // The factory's pair sits exactly where the router computes it.
      const [a, b] = [await f.stable.getAddress(), await f.uniswap.weth.getAddress()];
      const [token0, token1] = a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
      const computed = getCreate2Address(
        await f.uniswap.factory.getAddress(),
        keccak256(solidityPacked(["address", "address"], [token0, token1])),
        PAIR_INIT_CODE_HASH,
      );
      expect(await f.pair.getAddress()).to.equal(computed);
    });

    it("seeds the pool at the oracle price and swaps through the real router", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const stableIsToken0 = (await f.pair.getFunction("token0")()) === (await f.stable.getAddress());
      const reserves = async () => {
        const [r0, r1] = await f.pair.getFunction("getReserves")();
        return stableIsToken0 ? { usdc: r0 as bigint, eth: r1 as bigint } : { usdc: r1 as bigint, eth: r0 as bigint };
      };
      expect(await reserves()).to.deep.equal({ usdc: 10_000_000n * USDC, eth: 5_000n * QER });

      await f.creditManager.connect(f.alice).addCollateral(f.alice.address, 1_000n * QER);
      await expect(f.creditManager.connect(f.alice).borrow(1_000n * USDC, 0n, await deadline())).to.emit(
        f.pair,
        "Swap",
      );
      expect(await reserves()).to.deep.equal({
        usdc: 10_000_000n * USDC + 500n * USDC,
        eth: 5_000n * QER - ETH_FOR_500,
      });
      expect(await ethers.provider.getBalance(await f.reserve.getAddress())).to.equal(ETH_FOR_500);
    });
  });

  describe("borrow", function () {
    it("allows exactly 50% of the QER's value and refuses one wei more", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      await f.creditManager.connect(f.alice).addCollateral(f.alice.address, 1_000n * QER);
      await expect(f.creditManager.connect(f.alice).borrow(1_000n * USDC + 1n, 0n, await deadline()))
        .to.be.revertedWithCustomError(f.creditManager, "BorrowLimitExceeded")
        .withArgs(1_000n * USDC + 1n, 1_000n * USDC);
      expect(await f.creditManager.debtOf(f.alice.address)).to.equal(0n);
      await f.creditManager.connect(f.alice).borrow(1_000n * USDC, 0n, await deadline());
      expect(await f.creditManager.debtOf(f.alice.address)).to.equal(1_000n * USDC);
    });

    it("pays half to the borrower and swaps the other half, to the wei", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      await f.creditManager.connect(f.alice).addCollateral(f.alice.address, 2_000n * QER);
      const poolBefore = await f.stable.balanceOf(await f.pair.getAddress());
      await f.creditManager.connect(f.alice).borrow(1_001_000_001n, 0n, await deadline());
      expect(await f.stable.balanceOf(f.alice.address)).to.equal(500_500_000n);
      expect((await f.stable.balanceOf(await f.pair.getAddress())) - poolBefore).to.equal(500_500_001n);
      expect(await f.stable.balanceOf(await f.reserve.getAddress())).to.equal(0n);
    });

    it("buys ETH within the slippage bound and records the position's share", async function () {
      const f = await networkHelpers.loadFixture(aliceAtMaxFixture);
      expect(await f.reserve.minEthOut(500n * USDC)).to.equal(247_500_000_000_000_000n); // 0.25 ETH less 1%
      expect(ETH_FOR_500 >= 247_500_000_000_000_000n).to.equal(true);
      expect((await f.creditManager.position(f.alice.address)).reserveEth).to.equal(POSITION_ETH);
      expect(await f.reserve.unownedEth()).to.equal(ETH_FOR_500 - POSITION_ETH);
    });

    it("refuses a swap worse than the oracle price less the slippage limit (manipulated pool)", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      await f.stable.mint(f.bob.address, 200_000n * USDC);
      await f.stable.connect(f.bob).approve(await f.uniswap.router.getAddress(), MAX);
      await f.uniswap.router.connect(f.bob).getFunction("swapExactTokensForETH")(
        200_000n * USDC,
        0n,
        [await f.stable.getAddress(), await f.uniswap.weth.getAddress()],
        f.bob.address,
        await deadline(),
      );
      await f.creditManager.connect(f.alice).addCollateral(f.alice.address, 1_000n * QER);
      await expect(f.creditManager.connect(f.alice).borrow(1_000n * USDC, 0n, await deadline()))
        .to.be.revertedWithCustomError(f.reserve, "SlippageExceeded")
        .withArgs(239_573_703_405_532_780n, 247_500_000_000_000_000n);
    });
  });

  describe("repay and withdraw", function () {
    it("repays in full, returns the position's ETH, then releases all the QER", async function () {
      const f = await networkHelpers.loadFixture(aliceAtMaxNoInterestFixture);
      await f.stable.mint(f.alice.address, 500n * USDC);
      await expect(f.creditManager.connect(f.alice).repay(f.alice.address, MAX)).to.changeEtherBalances(
        ethers,
        [f.alice, f.reserve],
        [POSITION_ETH, -POSITION_ETH],
      );
      expect(await f.creditManager.debtOf(f.alice.address)).to.equal(0n);
      await f.creditManager.connect(f.alice).withdrawCollateral(1_000n * QER, f.alice.address);
      expect(await f.qer.balanceOf(f.alice.address)).to.equal(10_000n * QER);
    });
  });

  describe("liquidation", function () {
    it("a price drop makes the position liquidatable; a partial liquidation takes ETH first", async function () {
      const f = await networkHelpers.loadFixture(aliceAtMaxNoInterestFixture);
      await expect(f.creditManager.connect(f.liquidator).liquidate(f.alice.address, MAX))
        .to.be.revertedWithCustomError(f.creditManager, "PositionHealthy")
        .withArgs(f.alice.address, 1_000n * USDC, 1_591_607_962n);
      await f.qerFeed.setAnswer(1n * 10n ** 8n); // $1
      await f.stable.mint(f.liquidator.address, 1_000n * USDC);
      await f.creditManager.connect(f.liquidator).liquidate(f.alice.address, MAX);
      expect(await f.creditManager.debtOf(f.alice.address)).to.equal(500n * USDC);
      expect(await f.qer.balanceOf(f.liquidator.address)).to.equal(10_000n * QER + 91_372_365n * 10n ** 12n);
      // The 2% fee on the 500 repaid is booked in the vault as owed to the insurance fund, paid out when collected.
      expect(await f.vault.insuranceOwed()).to.equal(10n * USDC);
      expect(await f.stable.balanceOf(await f.fund.getAddress())).to.equal(0n);
      await f.vault.collectInsuranceFees();
      expect(await f.stable.balanceOf(await f.fund.getAddress())).to.equal(10n * USDC);
      expect(await f.vault.insuranceOwed()).to.equal(0n);
    });

    it("closes an insolvent position in full; the insurance fund covers the shortfall", async function () {
      const f = await networkHelpers.loadFixture(aliceAtMaxNoInterestFixture);
      await f.stable.mint(await f.fund.getAddress(), 500n * USDC);
      await f.qerFeed.setAnswer(2n * 10n ** 7n); // $0.20
      await f.stable.mint(f.liquidator.address, 1_000n * USDC);
      await expect(f.creditManager.connect(f.liquidator).liquidate(f.alice.address, MAX))
        .to.emit(f.vault, "DebtWrittenOff")
        // 1,000 USDC owed; the collateral repays 600.581144 of it, whose 2% fee (12.01162288, rounded up to
        // 12.011623) is booked first and absorbs that much of the 399.418856 written off; the fund pays the rest.
        .withArgs(399_418_856n, 399_418_856n, 12_011_623n, 387_407_233n, 0n);
      expect(await f.vault.badDebt()).to.equal(0n);
      expect(await f.vault.totalAssets()).to.equal(1_000_000n * USDC);
    });

    it("records what the fund cannot cover as bad debt, taken from the suppliers", async function () {
      const f = await networkHelpers.loadFixture(aliceAtMaxNoInterestFixture);
      await f.stable.mint(await f.fund.getAddress(), 100n * USDC);
      await f.qerFeed.setAnswer(2n * 10n ** 7n);
      await f.stable.mint(f.liquidator.address, 1_000n * USDC);
      await f.creditManager.connect(f.liquidator).liquidate(f.alice.address, MAX);
      // 399.418856 written off: 12.011623 from the liquidation's own fee, 100 from the fund, 287.407233 lost.
      expect(await f.vault.badDebt()).to.equal(287_407_233n);
      expect(await f.vault.totalAssets()).to.equal(1_000_000n * USDC - 287_407_233n);
    });
  });
});
