/** Shared by the task tests: a preset deployed in-process as the deploy script does, and a task's one-line failure. */
import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import type { SystemId } from "../../presets/types/preset.js";
import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { deployPreset, devnetInputs, PRESETS } from "../../scripts/lib/presets.js";
import { TaskError } from "../../tasks/lib.js";

/** The message of the TaskError a task fails with (a test failure if it succeeds or fails otherwise). */
export async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(TaskError);
    return (error as TaskError).message;
  }
  throw new Error("expected the task to fail");
}

/** `system` deployed in-process with its devnet inputs (over `externals` when it needs them), as an address-book entry. */
export async function deployedEntry(
  connection: NetworkConnection,
  system: SystemId,
  externals?: Parameters<typeof devnetInputs>[2],
): Promise<PresetEntry> {
  const inputs = await devnetInputs(connection, PRESETS[system], externals);
  const contracts = await deployPreset(connection, PRESETS[system], inputs);
  return { deploymentId: system, complete: true, inputs, contracts };
}
