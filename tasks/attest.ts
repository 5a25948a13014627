import { formatUnits, hexlify, toUtf8Bytes } from "ethers";

import { action, parseAddress, parseCount, TaskError, type CommonArgs } from "./lib.js";

/**
 * `attest --account 0x... --jurisdiction FR --days 365 --from kycProvider`: a KYC provider attests an account for the
 * preset's compliance hooks (docs/compliance.md), so payments at or above the threshold to or from it pass while the
 * attestation lasts and its jurisdiction is not restricted. `--revoke` ends an attestation. `--account` is an address
 * or a named account of the preset. Only presets with compliance on have a registry (the kit's four have it off).
 */
export default action<CommonArgs & { account: string; jurisdiction: string; days: string; revoke: boolean }>(
  async (args, t) => {
    const compliance = t.c.complianceRegistry;
    if (compliance === undefined) throw new TaskError(`this deployment has compliance off (no compliance registry)`);
    const account = parseAddress("--account", t.entry.inputs.accounts[args.account] ?? args.account);
    const current = await t.read(() => compliance.attestation(account));
    if (args.revoke) {
      if (current.provider === "0x0000000000000000000000000000000000000000") {
        throw new TaskError(`${account} has no attestation to revoke`);
      }
      await t.send(() => compliance.connect(t.signer).revoke(account));
      return `Revoked ${account}'s attestation: payments at or above the threshold to or from it are refused from now on`;
    }
    const code = args.jurisdiction.trim();
    if (!/^[A-Z]{2}$/.test(code)) {
      throw new TaskError(`--jurisdiction must be two upper-case letters (ISO 3166-1 alpha-2), got "${code}"`);
    }
    const days = parseCount("--days", args.days, 1n, 36_500n);
    if (account === t.me) throw new TaskError("a KYC provider cannot attest itself: another provider must");
    const latest = await t.connection.ethers.provider.getBlock("latest");
    const expiry = BigInt(latest!.timestamp) + days * 86_400n;
    await t.send(() => compliance.connect(t.signer).attest(account, expiry, hexlify(toUtf8Bytes(code))));
    const [threshold, restricted] = await Promise.all([
      compliance.threshold(),
      compliance.isRestricted(hexlify(toUtf8Bytes(code))),
    ]);
    const limit = `${formatUnits(threshold, t.unit.decimals)} ${t.unit.symbol}`;
    return (
      `Attested ${account} in ${code} until ${new Date(Number(expiry) * 1000).toISOString()}: ` +
      (restricted
        ? `${code} is restricted, so payments of ${limit} or more to or from it are still refused`
        : `payments of ${limit} or more to or from it pass`)
    );
  },
);
