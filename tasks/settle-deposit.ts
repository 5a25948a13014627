import { formatUnits } from "ethers";

import { proposalOf } from "./governance.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

/**
 * `settle-deposit --proposal <id|latest>`: once voting has ended, returns the proposal deposit to its proposer, or
 * sends it to the treasury if the proposal was defeated without quorum (anyone).
 */
export default action<CommonArgs & { proposal: string }>(async (args, t) => {
  const p = await proposalOf(t, args.proposal);
  const { governor } = t.c;
  const terms = await governor.proposalTerms(p.id);
  if (terms.deposit === 0n) throw new TaskError(`proposal ${p.id} has no deposit left to settle`);
  const receipt = await t.send(() => governor.connect(t.signer).settleDeposit(p.id));
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  for (const log of receipt.logs) {
    const e = governor.interface.parseLog(log);
    if (e?.name === "DepositRefunded") {
      return `Deposit of proposal ${p.id}: ${formatUnits(e.args.amount, decimals)} ${symbol} returned to ${e.args.proposer}`;
    }
    if (e?.name === "DepositForfeited") {
      return `Deposit of proposal ${p.id}: ${formatUnits(e.args.amount, decimals)} ${symbol} forfeited to the treasury (no quorum)`;
    }
  }
  throw new Error(`no deposit event in transaction ${receipt.hash}`);
});
