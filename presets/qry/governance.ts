import { quiverGovernance } from "../quiver/governance.js";
import type { GovernancePreset, WorkerProposalsPreset } from "../../modules/governance.js";

const DAY = 86_400n;
const QRY = 10n ** 18n;

/**
 * QRY governance (docs/economics/qry.md). QRY's rules only set a budget for community initiatives, allocated
 * through worker proposals that the community elects in "political playoffs", with minimum staking
 * requirements. Readings:
 * - The governor, timelocks, classes and guardian are QUIVer's (the only economy whose rules give numbers), plus a
 *   worker class: grants from the worker pool pass with 50% of for + against, like treasury spending.
 * - "Minimum staking requirements": only accounts whose staked voting weight was at least 10,000 QRY one
 *   second before proposing may propose a worker grant. The weight is the staking module's (IVotingWeight).
 * - "Political playoffs": every worker proposal is voted on its own and grants compete for a limited pool;
 *   a grant is paid as a linear stream the worker claims, which governance can cancel.
 * - No deposit figure in QRY's rules: QUIVer's 100,000 would be out of reach for a fair-launch token, so
 *   10,000 QRY, within 1,000 to 100,000.
 */
export const qryGovernance: GovernancePreset = {
  ...quiverGovernance,
  name: "QRY Governor",
  proposalDeposit: { value: 10_000n * QRY, min: 1_000n * QRY, max: 100_000n * QRY, minStep: 0n },
  classes: [
    ...quiverGovernance.classes,
    { name: "worker", thresholdBps: 5_000, emergency: false, minProposerWeight: 10_000n * QRY },
  ],
};

export const qryWorkerProposals: WorkerProposalsPreset = {
  workerClass: "worker",
  pauseDuration: { value: 30n * DAY, min: 24n * DAY, max: 90n * DAY, minStep: DAY },
};
