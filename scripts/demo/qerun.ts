/**
 * Qerun on the devnet: a lender supplies the stable vault, a borrower locks QER and draws 50% of its value (half
 * paid out, half swapped to ETH through the real Uniswap V2 pool into the ETH reserve), QER's price falls, a
 * liquidator repays part of the debt and takes the position's ETH first, the borrower repays the rest and gets the
 * position's remaining ETH back. Then the lock part (scripts/demo/qerun-locking.ts): locks, boosted votes on a
 * real proposal, a perk at its threshold, an early exit, long-term and LP rewards, and a buyback that burns QER
 * with the reserve's unowned ETH (QER is minted once at genesis; the buyback is the only thing that lowers it).
 */
import { MaxUint256 } from "ethers";

import { amount, rounded, type DemoContext, type Scenario, type Section } from "./context.js";
import { lockingFigures, runLocking, type LockingState } from "./qerun-locking.js";

const QER = 10n ** 18n;
const USDC = 10n ** 6n;
/** 8-decimal feed answers. */
const usd = (dollars: bigint, cents = 0n) => dollars * 10n ** 8n + cents * 10n ** 6n;

interface QerunState {
  borrower: string;
  liquidator: string;
  borrowed: bigint;
  paidOut: bigint;
  ethBought: bigint;
  ethToPosition: bigint;
  repaid: bigint;
  fee: bigint;
  ethSeized: bigint;
  collateralSeized: bigint;
  ethBack: bigint;
}

export default function qerun(): Scenario {
  let st: QerunState | undefined;
  let locking: LockingState | undefined;
  return {
    system: "qerun",
    title: "Borrowing against QER with half of each loan buying ETH, a price drop, a liquidation, a repayment",

    async run(ctx: DemoContext, s: Section) {
      const { c } = ctx.presets.qerun;
      const { stable, qerFeed, ethFeed } = ctx.externals;
      const cm = c.creditManager!;
      const vault = c.stableVault!;
      const communityFund = await ctx.account("qerun", "communityFund");
      const [lender, borrower, liquidator] = await Promise.all(
        ["Qerun lender", "Qerun borrower", "Qerun liquidator"].map((n) => ctx.actor(n)),
      );
      const cmAddress = await cm.getAddress();

      // Fresh prices: QER $2, ETH $2,000 (the devnet's feeds; their operator is the deployer).
      await ctx.step(s, "QER/USD feed publishes $2.00", qerFeed.setAnswer(usd(2n)));
      await ctx.step(s, "ETH/USD feed publishes $2,000", ethFeed.setAnswer(usd(2_000n)));

      await ctx.step(s, "lender takes 500,000 USDC from the devnet faucet", stable.mint(lender, 500_000n * USDC));
      await ctx.step(s, "lender approves the vault", stable.connect(lender).approve(vault, 500_000n * USDC));
      await ctx.step(s, "lender supplies 500,000 USDC", vault.connect(lender).deposit(500_000n * USDC, lender));

      // QER from the community fund's 10% unlocked at launch.
      await ctx.step(
        s,
        "community fund releases its launch unlock (5.5M QER)",
        c.vestingVault.connect(communityFund).release(0n),
      );
      await ctx.step(
        s,
        "community fund grants the borrower 10,000 QER",
        c.token.connect(communityFund).transfer(borrower, 10_000n * QER),
      );
      await ctx.step(
        s,
        "borrower approves the credit manager",
        c.token.connect(borrower).approve(cmAddress, 10_000n * QER),
      );
      await ctx.step(
        s,
        "borrower locks 10,000 QER ($20,000)",
        cm.connect(borrower).addCollateral(borrower, 10_000n * QER),
      );
      const latest = await ctx.connection.networkHelpers.time.latest();
      const borrowTx = await cm.connect(borrower).borrow(10_000n * USDC, 0n, BigInt(latest) + 600n);
      const borrowReceipt = (await borrowTx.wait())!;
      s.steps.push({
        day: await ctx.day(),
        step: "borrower draws 10,000 USDC (50%): 5,000 paid out, 5,000 buys ETH",
        gas: borrowReceipt.gasUsed,
      });
      const borrowed = cm.interface.parseLog(borrowReceipt.logs.find((l) => l.address === cmAddress)!)!;

      await ctx.step(s, "QER falls to $1.00", qerFeed.setAnswer(usd(1n)));
      await ctx.step(s, "liquidator takes 10,000 USDC from the faucet", stable.mint(liquidator, 10_000n * USDC));
      await ctx.step(
        s,
        "liquidator approves the credit manager",
        stable.connect(liquidator).approve(cmAddress, MaxUint256),
      );
      const liquidateTx = await cm.connect(liquidator).liquidate(borrower, 2_000n * USDC);
      const liquidateReceipt = (await liquidateTx.wait())!;
      s.steps.push({
        day: await ctx.day(),
        step: "liquidator repays 2,000 USDC of the debt, paid in the position's ETH first",
        gas: liquidateReceipt.gasUsed,
      });
      const liquidated = cm.interface.parseLog(
        liquidateReceipt.logs.find(
          (l) => l.address === cmAddress && l.topics[0] === cm.interface.getEvent("Liquidated").topicHash,
        )!,
      )!;

      await ctx.step(
        s,
        "borrower buys 3,001 USDC (the rest of the debt, with interest)",
        stable.mint(borrower, 3_001n * USDC),
      );
      await ctx.step(
        s,
        "borrower approves the rest of the debt",
        stable.connect(borrower).approve(cmAddress, MaxUint256),
      );
      const ethBefore = await ctx.connection.ethers.provider.getBalance(borrower);
      const repayTx = await cm.connect(borrower).repay(borrower, MaxUint256);
      const repayReceipt = (await repayTx.wait())!;
      s.steps.push({
        day: await ctx.day(),
        step: "borrower repays in full and gets the position's ETH back",
        gas: repayReceipt.gasUsed,
      });
      const ethBack = (await ctx.connection.ethers.provider.getBalance(borrower)) - ethBefore + repayReceipt.fee;

      st = {
        borrower: borrower.address,
        liquidator: liquidator.address,
        borrowed: borrowed.args.amount,
        paidOut: borrowed.args.paidOut,
        ethBought: borrowed.args.ethBought,
        ethToPosition: borrowed.args.ethToPosition,
        repaid: liquidated.args.repaid,
        fee: liquidated.args.fee,
        ethSeized: liquidated.args.ethSeized,
        collateralSeized: liquidated.args.collateralSeized,
        ethBack,
      };
      locking = await runLocking(ctx, s);
    },

    async figures(ctx: DemoContext, s: Section) {
      if (st === undefined || locking === undefined) throw new Error("the Qerun scenario has not run");
      const { c, preset } = ctx.presets.qerun;
      const reserve = c.ethReserve!;
      const vault = c.stableVault!;
      const sym = ` ${preset.token.symbol}`;
      const position = await c.creditManager!.position(st.borrower);
      s.figures.push(
        ["total supply", amount(await c.token.totalSupply()) + sym],
        ["total burned", amount(await c.token.totalBurned()) + sym],
        ["treasury", amount(await c.token.balanceOf(c.treasury)) + sym],
        ["loan drawn / paid out", `${rounded(st.borrowed, 6)} / ${rounded(st.paidOut, 6)} USDC`],
        ["ETH bought / recorded to the position", `${rounded(st.ethBought)} / ${rounded(st.ethToPosition)} ETH`],
        ["liquidation: debt repaid", `${rounded(st.repaid, 6)} USDC`],
        ["liquidation: ETH / QER seized", `${rounded(st.ethSeized)} ETH / ${rounded(st.collateralSeized)}${sym}`],
        ["ETH back to the borrower on full repayment", `${rounded(st.ethBack)} ETH`],
        [
          "position left: debt / collateral",
          `${rounded(await c.creditManager!.debtOf(st.borrower), 6)} USDC / ${amount(position.collateral)}${sym}`,
        ],
        [
          "ETH reserve: owed to positions / the reserve's own",
          `${rounded(await reserve.ownedEth())} / ${rounded(await reserve.unownedEth())} ETH`,
        ],
        [
          "stable vault: assets / borrowed",
          `${rounded(await vault.totalAssets(), 6)} / ${rounded(await vault.totalBorrowed(), 6)} USDC`,
        ],
        ["liquidation fee booked for the insurance fund", `${rounded(st.fee, 6)} USDC`],
        [
          "insurance fund: held / owed by the vault",
          `${rounded(await c.insuranceFund!.balance(), 6)} / ${rounded(await vault.insuranceOwed(), 6)} USDC`,
        ],
      );
      s.notes.push(
        "The reserve keeps 10% of the ETH each loan buys for good (governed `ethReturnBps`); 90% is the position's.",
        "Liquidation takes the position's ETH first, then QER, worth the repayment plus the 8% bonus; 2% of the repayment (a quarter of the bonus) goes to the insurance fund: paid into the vault with the repayment and owed there to the fund (with its interest share) until anyone calls `collectInsuranceFees`.",
      );
      await lockingFigures(s, locking, process.env.DEMO_REPORT_DIR ?? "reports");
    },
  };
}
