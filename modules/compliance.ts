/**
 * The compliance module's preset type (opt-in per preset; see docs/compliance.md): `deploy/modules/Compliance.ts`
 * deploys its `ComplianceRegistry` and the preset module hands it to the market and issuance modules, whose hooks
 * check it. A preset without a `compliance` piece deploys none: every hook holds the zero address (off).
 */
import type { Governed } from "../lib/governed.js";
import type { AccountName } from "./supply.js";

export interface CompliancePreset {
  /** Payments of this many token wei or more need attested parties (governed, with hard bounds). */
  threshold: Governed;
  /** Named account holding KYC_PROVIDER: attests and revokes accounts (a KYC provider's operations key). */
  kycProvider: AccountName;
  /** Jurisdiction codes restricted from the start (ISO 3166-1 alpha-2, two upper-case letters). */
  restricted: readonly string[];
}
