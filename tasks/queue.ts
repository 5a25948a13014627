import { proposalOf, stateOf } from "./governance.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

/** `queue --proposal <id|latest>`: queues a succeeded proposal in its timelock (anyone). */
export default action<CommonArgs & { proposal: string }>(async (args, t) => {
  const p = await proposalOf(t, args.proposal);
  const state = await stateOf(t, p.id);
  if (state !== "Succeeded") {
    throw new TaskError(`proposal ${p.id} is ${state}, not Succeeded: it can be queued once its vote has passed`);
  }
  const { governor } = t.c;
  await t.send(() => governor.connect(t.signer).queue(p.targets, p.values, p.calldatas, p.descriptionHash));
  const eta = await governor.proposalEta(p.id);
  return `Queued proposal ${p.id}: executable from ${new Date(Number(eta) * 1000).toISOString()}`;
});
