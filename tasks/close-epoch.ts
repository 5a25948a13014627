import { formatUnits } from "ethers";

import { action, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `close-epoch` (QRY): releases the issuance due into the distribution engine, closes every epoch that has ended
 * and pays every pool its budget of each (anyone). Epochs close in order; the open epoch cannot be closed.
 */
export default action<CommonArgs>(async (_args, t) => {
  const engine = need(t.c.distributionEngine, "distribution engine (QRY)", t);
  const subscriptions = need(t.c.subscriptions, "subscriptions (QRY)", t);
  const current = await subscriptions.currentEpoch();
  const next = await engine.nextEpoch();
  if (next >= current) {
    throw new TaskError(`no ended epoch to close: epoch ${current} is open and every earlier one is closed`);
  }
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const lines: string[] = [];
  const due = await t.c.controller.connect(t.signer).release.staticCall();
  if (due > 0n) {
    await t.send(() => t.c.controller.connect(t.signer).release());
    lines.push(`Released ${formatUnits(due, decimals)} ${symbol} of issuance into the engine`);
  }
  const pools = (await engine.pools()).length;
  for (let epoch = next; epoch < current; epoch++) {
    await t.send(() => engine.connect(t.signer).closeEpoch());
    // The close only records each pool's budget; paying them is a separate call per pool (anyone). A pool someone
    // else paid first is skipped, and a pool whose funding reverts keeps its budget pending without stopping the run:
    // the next pools and epochs are still paid and closed (a return paid after the next close misses its reserve).
    let paid = 0;
    for (let index = 0n; index < BigInt(pools); index++) {
      const [, pending] = await engine.budgetOf(index, epoch);
      if (!pending) continue;
      try {
        await t.send(() => engine.connect(t.signer).fund(index, epoch));
        paid++;
      } catch (error) {
        const reason = error instanceof TaskError ? error.message : String(error);
        lines.push(`Pool ${index} of epoch ${epoch} not paid (its budget stays pending): ${reason}`);
      }
    }
    lines.push(`Closed epoch ${epoch} and paid ${paid} of its ${pools} pools`);
  }
  return lines.join("\n");
});
