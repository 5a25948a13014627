import { quiverGovernance } from "../quiver/governance.js";
import type { GovernancePreset } from "../../modules/governance.js";

const QER = 10n ** 18n;

/**
 * Qerun governance (docs/economics/qerun.md): a community DAO progressively takes over the major decisions,
 * sensitive parameters need collateralised or staged proposals, and governance votes on borrowing ratios, reserve
 * management and incentives. Qerun's rules give no numbers; readings:
 *
 * - The DAO is the kit's governance, in control from launch: the normal timelock is the AccessManager's admin and
 *   the deployer keeps nothing. "Progressively" is the guardian's brief, expiring pause (below) and the emergency
 *   path, not a deployer key kept for a while.
 * - "Collateralized proposals": the proposal deposit, 10,000 QER (0.01% of the 100M supply, QUIVer's ratio),
 *   forfeited when a proposal is defeated without quorum; governed within 1,000 to 100,000 QER.
 * - "Staged proposals": every proposal goes through discussion (7 days), vote (14 days) and timelock (7 days, 48
 *   hours for emergencies): QUIVer's timelines, the only economy whose rules give numbers, and in line with
 * "safety-first".
 * - Borrowing ratios, reserve shares and rates are registry parameters: economic class, 55%; their 80% emergency
 *   path skips the 20%-per-quarter limit only. Classes, thresholds and the 4% quorum are QUIVer's.
 * - Voting power is delegated QER (1x) plus locked QER from the lock module (locking.ts): 1x rising to 2x with the
 *   time left, as Qerun's locking raises governance power; its VoteLocker is governance's voting weight.
 * - The guardian (pause only) is a 3-of-5 Safe: Qerun's rules name none; a smaller team than QUIVer's 5-of-9.
 */
export const qerunGovernance: GovernancePreset = {
  ...quiverGovernance,
  name: "Qerun Governor",
  proposalDeposit: { value: 10_000n * QER, min: 1_000n * QER, max: 100_000n * QER, minStep: 0n },
  guardian: { threshold: 3, owners: 5 },
};
