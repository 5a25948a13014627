import { proposalOf, stateOf } from "./governance.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

/** `execute --proposal <id|latest>`: executes a queued proposal once its timelock delay has passed (anyone). */
export default action<CommonArgs & { proposal: string }>(async (args, t) => {
  const p = await proposalOf(t, args.proposal);
  const state = await stateOf(t, p.id);
  if (state !== "Queued") throw new TaskError(`proposal ${p.id} is ${state}, not Queued: queue it first`);
  const { governor } = t.c;
  const eta = await governor.proposalEta(p.id);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  if (now < eta) {
    throw new TaskError(
      `proposal ${p.id} is executable from ${new Date(Number(eta) * 1000).toISOString()}, ${eta - now} s from now`,
    );
  }
  await t.send(() => governor.connect(t.signer).execute(p.targets, p.values, p.calldatas, p.descriptionHash));
  return `Executed proposal ${p.id} (${p.targets.length} call${p.targets.length === 1 ? "" : "s"}): ${await stateOf(t, p.id)}`;
});
