import { formatUnits, type ContractTransactionResponse } from "ethers";

import { action, need, parseCount, TaskError, type CommonArgs, type TaskContext } from "./lib.js";

/** The QRY pools a participant claims an epoch's share from, and how. */
const POOLS: Record<
  string,
  {
    label: string;
    account: (t: TaskContext) => Promise<string>;
    claim: (t: TaskContext, epoch: bigint) => Promise<ContractTransactionResponse>;
  }
> = {
  "query-fulfillment": {
    label: "query-fulfillment (providers)",
    account: (t) => need(t.c.queryFulfillmentPool, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.queryFulfillmentPool, "QRY distribution", t).connect(t.signer).claim(e),
  },
  integrators: {
    label: "integrators",
    account: (t) => need(t.c.integratorPool, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.integratorPool, "QRY distribution", t).connect(t.signer).claim(e),
  },
  portals: {
    label: "portals",
    account: (t) => need(t.c.portalPool, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.portalPool, "QRY distribution", t).connect(t.signer).claim(e),
  },
  availability: {
    label: "availability (provider A-Pay)",
    account: (t) => need(t.c.availabilityPool, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.availabilityPool, "QRY distribution", t).connect(t.signer).claimAvailability(e),
  },
  challenges: {
    label: "availability (challenger C-Pay)",
    account: (t) => need(t.c.availabilityPool, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.availabilityPool, "QRY distribution", t).connect(t.signer).claimChallenges(e),
  },
  consensus: {
    label: "consensus",
    account: (t) => need(t.c.consensusRewards, "QRY distribution", t).getAddress(),
    claim: (t, e) => need(t.c.consensusRewards, "QRY distribution", t).connect(t.signer).claim(e),
  },
};

/**
 * `claim --pool consensus [--epoch 3]`: claims the signer's share of a closed epoch from one of the QRY distribution's
 * pools: query-fulfillment, integrators, portals (square-root pools), availability or challenges (proof of
 * availability), consensus. The epoch defaults to the last one the engine closed.
 */
export default action<CommonArgs & { pool: string; epoch: string }>(async (args, t) => {
  const engine = need(t.c.distributionEngine, "QRY distribution", t);
  const pool = POOLS[args.pool];
  if (pool === undefined) {
    throw new TaskError(`--pool must be one of ${Object.keys(POOLS).join(", ")}, got "${args.pool}"`);
  }
  const next = await engine.nextEpoch();
  if (next === 0n) throw new TaskError("no epoch is closed yet: an epoch closes once it ends (closeEpoch, anyone)");
  const epoch = args.epoch === "" ? next - 1n : parseCount("--epoch", args.epoch, 0n);
  if (epoch >= next) {
    throw new TaskError(
      `epoch ${epoch} is not closed yet: epochs close in order once they end (next to close: ${next})`,
    );
  }
  // A closed epoch's budgets are paid to the pools separately (anyone): pay this pool's budget first if it is still
  // pending. Only this one: another pool whose funding reverts must not stop the claim.
  const account = (await pool.account(t)).toLowerCase();
  const index = (await engine.pools()).findIndex((p) => p.account.toLowerCase() === account);
  if (index < 0) throw new TaskError(`the ${pool.label} pool is not one of the engine's pools`);
  const [, pending] = await engine.budgetOf(index, epoch);
  if (pending) await t.send(() => engine.connect(t.signer).fund(index, epoch));
  const before = await t.c.token.balanceOf(t.me);
  await t.send(() => pool.claim(t, epoch));
  const amount = (await t.c.token.balanceOf(t.me)) - before;
  const decimals = await t.c.token.decimals();
  return `Claimed ${formatUnits(amount, decimals)} ${await t.c.token.symbol()} from the ${pool.label} pool for epoch ${epoch}`;
});
