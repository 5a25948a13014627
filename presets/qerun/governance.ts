import { quiverGovernance } from "../quiver/governance.js";
import type { GovernancePreset } from "../../modules/governance.js";

const QER = 10n ** 18n;

/**
 * Qerun governance (seed 001, section 6: "Community DAO will progressively control major decisions. Certain
 * sensitive parameters require collateralized or staged proposals. Governance can vote on borrowing ratios, reserve
 * management, and incentive structures"). The seed gives no numbers; readings:
 *
 * - The DAO is the kit's governance, in control from launch: the normal timelock is the AccessManager's admin and
 *   the deployer keeps nothing. "Progressively" is the guardian's brief, expiring pause (below) and the emergency
 *   path, not a deployer key kept for a while.
 * - "Collateralized proposals": the proposal deposit, 10,000 QER (0.01% of the 100M supply, QUIVer's ratio),
 *   forfeited when a proposal is defeated without quorum; governed within 1,000 to 100,000 QER.
 * - "Staged proposals": every proposal goes through discussion (7 days), vote (14 days) and timelock (7 days, 48
 *   hours for emergencies): QUIVer's timelines, the only seed with numbers, and in line with "safety-first".
 * - Borrowing ratios, reserve shares and rates are registry parameters: economic class, 55%; their 80% emergency
 *   path skips the 20%-per-quarter limit only. Classes, thresholds and the 4% quorum are QUIVer's.
 * - Voting power is delegated QER (1x) plus locked QER from the lock module (locking.ts): 1x rising to 2x with the
 *   time left, the seed's "locking QER enhances governance power"; its VoteLocker is governance's voting weight.
 * - The guardian (pause only) is a 3-of-5 Safe: the seed names none; a smaller team than QUIVer's 5-of-9.
 */
export const qerunGovernance: GovernancePreset = {
  ...quiverGovernance,
  name: "Qerun Governor",
  proposalDeposit: { value: 10_000n * QER, min: 1_000n * QER, max: 100_000n * QER, minStep: 0n },
  guardian: { threshold: 3, owners: 5 },
};
