/**
 * A per-issuer statement of the Qutoken platform, read from views and events only: stake and slots, fees by
 * kind, settlements, and for each of the issuer's tokens its issuance, circulation and redemptions.
 */
import { formatEther, ZeroAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { IssuerRegistry, IssuerTokenFactory, Settlement } from "../../typechain-types/index.js";

const STATUS = ["Unverified", "Verified", "Suspended"] as const;

export interface TokenStatement {
  address: string;
  name: string;
  symbol: string;
  cap: bigint;
  retired: boolean;
  supply: bigint;
  /** Issued by mint or voucher (refunds excluded). */
  issued: bigint;
  /** Of which through vouchers. */
  issuedByVoucher: bigint;
  redeemed: bigint;
  fulfilled: bigint;
  refunded: bigint;
  pending: bigint;
  redemptions: bigint;
  /** Holder-to-holder transfers (mints and burns excluded). */
  transfers: number;
  transferVolume: bigint;
}

export interface IssuerStatement {
  issuer: string;
  status: (typeof STATUS)[number];
  stake: bigint;
  pendingUnstake: bigint;
  slotsUsed: bigint;
  slotCapacity: bigint;
  feesPaid: bigint;
  feesByKind: Map<string, bigint>;
  settlementsPaid: bigint;
  settlementsReceived: bigint;
  tokens: TokenStatement[];
}

export interface IssuanceContracts {
  registry: IssuerRegistry;
  factory: IssuerTokenFactory;
  settlement: Settlement;
}

export async function issuerStatement(
  connection: NetworkConnection,
  { registry, factory, settlement }: IssuanceContracts,
  issuer: string,
): Promise<IssuerStatement> {
  const { ethers } = connection;
  const info = await registry.issuerInfo(issuer);
  const feesByKind = new Map<string, bigint>();
  for (const e of await registry.queryFilter(registry.filters.FeePaid(issuer))) {
    feesByKind.set(e.args.kind, (feesByKind.get(e.args.kind) ?? 0n) + e.args.amount);
  }
  const totals = await settlement.totalsOf(issuer);

  const tokens: TokenStatement[] = [];
  for (const created of await factory.queryFilter(factory.filters.TokenCreated(issuer))) {
    const token = await ethers.getContractAt("IssuerToken", created.args.token);
    let transfers = 0;
    let transferVolume = 0n;
    for (const t of await token.queryFilter(token.filters.Transfer())) {
      if (t.args.from !== ZeroAddress && t.args.to !== ZeroAddress) {
        transfers++;
        transferVolume += t.args.value;
      }
    }
    let issuedByVoucher = 0n;
    for (const v of await token.queryFilter(token.filters.VoucherClaimed())) issuedByVoucher += v.args.amount;
    const [minted, refunded] = [await token.totalMinted(), await token.totalRefunded()];
    tokens.push({
      address: created.args.token,
      name: await token.name(),
      symbol: await token.symbol(),
      cap: await token.cap(),
      retired: await token.retired(),
      supply: await token.totalSupply(),
      issued: minted - refunded,
      issuedByVoucher,
      redeemed: await token.totalBurned(),
      fulfilled: await token.totalFulfilled(),
      refunded,
      pending: await token.pendingRedemptions(),
      redemptions: await token.redemptionCount(),
      transfers,
      transferVolume,
    });
  }

  return {
    issuer,
    status: STATUS[Number(await registry.statusOf(issuer))],
    stake: info.stake,
    pendingUnstake: info.pendingUnstake,
    slotsUsed: info.slotsUsed,
    slotCapacity: await registry.slotCapacity(issuer),
    feesPaid: info.feesPaid,
    feesByKind,
    settlementsPaid: totals.paid,
    settlementsReceived: totals.received,
    tokens,
  };
}

const q = (wei: bigint) => `${Number(formatEther(wei)).toLocaleString("en-US")}`;

/** The statement as text, one line per figure. */
export function formatStatement(s: IssuerStatement, kindNames: Map<string, string> = new Map()): string {
  const lines = [
    `Issuer ${s.issuer} (${s.status})`,
    `  stake ${q(s.stake)} QUT, unstaking ${q(s.pendingUnstake)} QUT, slots ${s.slotsUsed} of ${s.slotCapacity}`,
    `  fees paid ${q(s.feesPaid)} QUT`,
    ...[...s.feesByKind].map(([kind, amount]) => `    ${kindNames.get(kind) ?? kind}: ${q(amount)} QUT`),
    `  settlements: paid ${q(s.settlementsPaid)} QUT, received ${q(s.settlementsReceived)} QUT`,
  ];
  for (const t of s.tokens) {
    lines.push(
      `  token ${t.symbol} (${t.name}) ${t.address}${t.retired ? " [retired]" : ""}`,
      `    cap ${q(t.cap)}, supply ${q(t.supply)}`,
      `    issued ${q(t.issued)} (vouchers ${q(t.issuedByVoucher)})`,
      `    transfers ${t.transfers}, volume ${q(t.transferVolume)}`,
      `    redeemed ${q(t.redeemed)} in ${t.redemptions} redemptions: fulfilled ${q(t.fulfilled)}, ` +
        `refunded ${q(t.refunded)}, pending ${q(t.pending)}`,
    );
  }
  return lines.join("\n");
}
