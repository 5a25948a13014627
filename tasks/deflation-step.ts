import { id } from "ethers";

import { action, need, type CommonArgs } from "./lib.js";

/** Basis points as a signed percentage with two decimals (`-212` -> `-2.12%`). */
const pct = (bps: bigint) => `${bps < 0n ? "-" : ""}${(Number(bps < 0n ? -bps : bps) / 100).toFixed(2)}%`;

/**
 * `deflation-step` (QUIVer): the deflation controller's quarterly step (anyone). Measures the quarter just completed
 * (the emission curve's amount, the fall of total supply, the outstanding supply at its start) and moves the fee
 * router's burn share one governed step toward the band of 2-3% net deflation a year, within the governed bounds, one
 * registry step and the router's headroom. Before the first allowed quarter, or a second time in a quarter, it says when
 * the next step is allowed instead of sending.
 */
export default action<CommonArgs>(async (_args, t) => {
  const controller = need(t.c.deflationController, "deflation controller (QUIVer)", t);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  const nextAt = await controller.nextStepAt();
  if (now < nextAt) {
    const when = `${nextAt} (${new Date(Number(nextAt) * 1000).toISOString()})`;
    const first = await controller.firstQuarter();
    const quarter = await controller.currentQuarter();
    return quarter < first
      ? `No step yet: steps start in quarter ${first} (after year ${first / 4n}), at ${when}; now quarter ${quarter}`
      : `No step now: quarter ${quarter} is already stepped; the next step is allowed at ${when}`;
  }
  const receipt = await t.send(() => controller.connect(t.signer).step());
  const log = receipt.logs
    .map((l) => {
      try {
        return controller.interface.parseLog(l);
      } catch {
        return null;
      }
    })
    .find((e) => e?.name === "Stepped");
  if (!log) return "Stepped";
  const [quarter, emitted, burned, supply, net, oldBps, newBps] = log.args as unknown as bigint[];
  const symbol = await t.c.token.symbol();
  const whole = (wei: bigint) => (wei / 10n ** 18n).toLocaleString("en-US");
  return [
    `Quarter ${quarter}: emitted ${whole(emitted)} ${symbol}, burned ${whole(burned)} ${symbol}, outstanding at its start ${whole(supply)} ${symbol}`,
    `Net inflation ${pct(net)} a year (target: ${pct(-(await controller.parameter(id("deflation.maxDeflationBps"))))} to ${pct(-(await controller.parameter(id("deflation.minDeflationBps"))))})`,
    oldBps === newBps
      ? `Burn share unchanged at ${pct(newBps)} of each fee`
      : `Burn share ${pct(oldBps)} -> ${pct(newBps)} of each fee`,
  ].join("\n");
});
