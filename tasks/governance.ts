/**
 * Proposals as the tasks read them: `--proposal <id>` or `--proposal latest` (the newest proposal of the governor),
 * with the targets, values, calldatas and description read back from the governor's ProposalCreated event, so
 * `queue`, `execute` and `settle-deposit` need nothing but the id.
 */
import { id as hash } from "ethers";

import { parseCount, TaskError, type TaskContext } from "./lib.js";

/** The governor's proposal states, by number. */
export const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];

export interface Proposal {
  id: bigint;
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
  descriptionHash: string;
}

/** The proposal `--proposal` names (an id, or `latest`), from its ProposalCreated event. */
export async function proposalOf(t: TaskContext, value: string): Promise<Proposal> {
  if (value === "") throw new TaskError("--proposal is required (the id printed by propose, or latest)");
  const { governor } = t.c;
  const created = await governor.queryFilter(governor.filters.ProposalCreated());
  if (created.length === 0) throw new TaskError("no proposal has been made on this governor yet");
  const wanted = value === "latest" ? created[created.length - 1].args.proposalId : parseCount("--proposal", value, 1n);
  const event = created.find((e) => e.args.proposalId === wanted);
  if (event === undefined) throw new TaskError(`--proposal ${wanted}: no such proposal on this governor`);
  const a = event.args;
  return {
    id: wanted,
    targets: [...a.targets],
    values: [...(a[3] as bigint[])], // `values` is also a method of ethers results
    calldatas: [...a.calldatas],
    description: a.description,
    descriptionHash: hash(a.description),
  };
}

/** The proposal's state by name. */
export async function stateOf(t: TaskContext, proposal: bigint): Promise<string> {
  return STATES[Number(await t.read(() => t.c.governor.state(proposal)))];
}
