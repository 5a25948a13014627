import { quiverGovernance } from "../quiver/governance.js";
import type { GovernancePreset } from "../../modules/governance.js";

const QUT = 10n ** 18n;

/**
 * Qutoken governance. Qutoken's rules (docs/economics/qutoken.md) name no governance; they ask for transparency
 * (every source of issuance and circulation verifiable) and security (every operation verified and logged). Readings:
 *
 * - The platform's rules (issuer stake tiers and slots, the token-creation fee, the partner-claim window, issuer
 *   suspensions and slashes, fee routing) change only through a public vote and a timelock: the kit's governance,
 *   with QUIVer's classes, timelines and 4% quorum. QUT holders vote with delegated QUT; issuer stake does not vote
 *   (QUT "is not an investment asset": no staking bonus to voting).
 * - Proposal deposit 100,000 QUT (0.01% of the 1B cap, QUIVer's ratio), governed within 10,000 to 1,000,000.
 * - The guardian (pause only) is a 3-of-5 Safe of the platform's operators.
 * An operator-run platform (a timelock proposed to by an operators' Safe, no token vote) would be another preset.
 */
export const qutokenGovernance: GovernancePreset = {
  ...quiverGovernance,
  name: "Qutoken Governor",
  proposalDeposit: { value: 100_000n * QUT, min: 10_000n * QUT, max: 1_000_000n * QUT, minStep: 0n },
  guardian: { threshold: 3, owners: 5 },
};
