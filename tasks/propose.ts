import { formatUnits, id, isAddress } from "ethers";

import { PRESETS } from "../scripts/lib/presets.js";
import { boundDescription } from "../scripts/lib/proposal.js";
import {
  action,
  ensureAllowance,
  parseAddress,
  parseAmount,
  TaskError,
  type CommonArgs,
  type TaskContext,
} from "./lib.js";

/** The preset's name of a proposal class id (the classifier's ids follow the preset's class list). */
function className(t: TaskContext, id: number): string {
  return PRESETS[t.system].governance.classes[id]?.name ?? `class ${id}`;
}

interface ProposeArgs extends CommonArgs {
  description: string;
  grantTo: string;
  amount: string;
  parameter: string;
  value: string;
}

/**
 * `propose --description "..." --grant-to 0x... --amount 250000`: a treasury grant (treasury class), or
 * `propose --description "..." --parameter staking:staking.unbondingPeriod --value 1728000`: a parameter change
 * through the registry (economic class; the registry enforces the bounds and the 20%-per-quarter limit). The
 * proposer's deposit is approved and taken. `<contract>` is a name from the address book or an address.
 */
export default action<ProposeArgs>(async (args, t) => {
  const { c } = t;
  if (args.description.trim() === "") throw new TaskError("--description is required");
  const grant = args.grantTo !== "";
  const parameter = args.parameter !== "";
  if (grant === parameter) throw new TaskError("give either --grant-to with --amount, or --parameter with --value");

  let target: string;
  let data: string;
  let summary: string;
  const decimals = await c.token.decimals();
  const symbol = await c.token.symbol();
  if (grant) {
    const to = parseAddress("--grant-to", args.grantTo);
    const amount = parseAmount("--amount", args.amount, decimals);
    target = await c.treasury.getAddress();
    data = c.treasury.interface.encodeFunctionData("transfer", [await c.token.getAddress(), to, amount]);
    summary = `treasury grant of ${formatUnits(amount, decimals)} ${symbol} to ${to}`;
  } else {
    const [name, key] = args.parameter.split(":");
    if (key === undefined || key === "")
      throw new TaskError('--parameter must be "<contract>:<key>", e.g. staking:staking.unbondingPeriod');
    const module = isAddress(name) ? parseAddress("--parameter", name) : t.entry.contracts[name];
    if (module === undefined) {
      throw new TaskError(
        `--parameter: no contract "${name}" in the address book (${Object.keys(t.entry.contracts).join(", ")})`,
      );
    }
    if (!/^\d+$/.test(args.value))
      throw new TaskError(`--value must be a whole number in the parameter's unit, got "${args.value}"`);
    const value = BigInt(args.value);
    const info = await c.registry.parameterInfo(module, id(key));
    if (!info.registered) throw new TaskError(`--parameter: ${key} is not registered for ${name}`);
    if (value < info.min || value > info.max) {
      throw new TaskError(`--value ${value} is outside the bounds of ${key}: ${info.min} to ${info.max}`);
    }
    target = await c.registry.getAddress();
    data = c.registry.interface.encodeFunctionData("set", [module, id(key), value]);
    summary = `${key} of ${name} to ${value}`;
  }

  // The governor takes only descriptions bound to their proposer (`#proposer=0x...` at the end).
  const description = boundDescription(args.description, t.me);
  const deposit = await c.governor.depositDue(); // the deposit (+ 1 wei: the governor's reserve, first proposal ever)
  await ensureAllowance(t, c.token, await c.governor.getAddress(), deposit, () =>
    c.governor.connect(t.signer).propose.staticCall([target], [0n], [data], description),
  );
  await t.send(() => c.governor.connect(t.signer).propose([target], [0n], [data], description));
  const proposalId = await c.governor.getProposalId([target], [0n], [data], id(description));
  const terms = await c.governor.proposalTerms(proposalId);
  const at = (s: bigint) => new Date(Number(s) * 1000).toISOString();
  return [
    `Proposed ${summary}`,
    `  proposal ${proposalId}`,
    `  class ${className(t, Number(terms.classId))} (${Number(terms.thresholdBps) / 100}% of for + against${terms.emergency ? ", emergency timelock" : ""})`,
    `  targets ["${target}"]`,
    `  values [0]`,
    `  calldatas ["${data}"]`,
    `  description ${JSON.stringify(description)}`,
    `  description hash ${id(description)}`,
    `  deposit ${formatUnits(terms.deposit, decimals)} ${symbol}`,
    `  voting from ${at(await c.governor.proposalSnapshot(proposalId))} to ${at(await c.governor.proposalDeadline(proposalId))}`,
  ].join("\n");
});
