import { ROLES } from "../lib/roles.js";
import { action, need, parseAddress, parseCount, TaskError, type CommonArgs } from "./lib.js";

/**
 * `record-blocks --validator 0x... --blocks 1000 --from distributionRegistrar` (QRY): registers the validator if it is
 * not yet (the registrar) and records blocks it produced in the open epoch (a DISTRIBUTION_CONSENSUS_REPORTER),
 * which share the epoch's consensus pool.
 */
export default action<CommonArgs & { validator: string; blocks: string }>(async (args, t) => {
  const consensus = need(t.c.consensusRewards, "consensus rewards (QRY)", t);
  const subscriptions = need(t.c.subscriptions, "subscriptions (QRY)", t);
  const validator = parseAddress("--validator", args.validator);
  const blocks = parseCount("--blocks", args.blocks, 1n);
  const [reporter] = await t.c.manager.hasRole(ROLES.DISTRIBUTION_CONSENSUS_REPORTER, t.me);
  if (!reporter) {
    throw new TaskError(
      `${t.me} is not a consensus reporter: grant-role --role DISTRIBUTION_CONSENSUS_REPORTER first (the registrar)`,
    );
  }
  const lines: string[] = [];
  if (!(await consensus.isValidator(validator))) {
    await t.send(() => consensus.connect(t.signer).setValidator(validator, true));
    lines.push(`Registered validator ${validator}`);
  }
  const epoch = await subscriptions.currentEpoch();
  await t.send(() => consensus.connect(t.signer).recordBlocks(epoch, validator, blocks));
  lines.push(`Recorded ${blocks} blocks by ${validator} in epoch ${epoch}`);
  return lines.join("\n");
});
