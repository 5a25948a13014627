/**
 * The voucher file the QUIVer market tasks exchange: `sign-voucher` (the consumer) writes it, `settle` (the provider)
 * reads it. JSON, amounts in wei as decimal strings:
 *
 *   { "market": "0x...", "chainId": "31337",
 *     "voucher": { "consumer": "0x...", "provider": "0x...", "batch": false, "modelId": "0x...", "priorityBps": "0",
 *                  "epoch": "0", "cumulativeAmount": "100000000000000000000", "cumulativeTokens": "100000",
 *                  "deadline": "1767312000" },
 *     "signature": "0x..." }
 */
import { getAddress, isAddress, isHexString } from "ethers";

import type { Voucher } from "../scripts/lib/voucher.js";
import { TaskError } from "./lib.js";

export interface VoucherFile {
  market: string;
  chainId: bigint;
  voucher: Voucher;
  signature: string;
}

/** The file's JSON (bigints as decimal strings). */
export function voucherJson(file: VoucherFile): string {
  return JSON.stringify(file, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/** Parses a voucher file's JSON, naming the first wrong field (`voucher.cumulativeAmount must be ...`). */
export function parseVoucherFile(text: string, source: string): VoucherFile {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new TaskError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const v = (raw.voucher ?? {}) as Record<string, unknown>;
  const address = (field: string, value: unknown) => {
    if (typeof value !== "string" || !isAddress(value)) {
      throw new TaskError(`${source}: ${field} must be an address, got ${JSON.stringify(value)}`);
    }
    return getAddress(value);
  };
  const uint = (field: string, value: unknown) => {
    if (typeof value !== "string" || !/^\d+$/.test(value)) {
      throw new TaskError(
        `${source}: ${field} must be a whole number as a decimal string, got ${JSON.stringify(value)}`,
      );
    }
    return BigInt(value);
  };
  if (typeof v.batch !== "boolean") throw new TaskError(`${source}: voucher.batch must be true or false`);
  if (!isHexString(v.modelId, 32)) throw new TaskError(`${source}: voucher.modelId must be 32 bytes of hex`);
  if (!isHexString(raw.signature)) throw new TaskError(`${source}: signature must be hex`);
  return {
    market: address("market", raw.market),
    chainId: uint("chainId", raw.chainId),
    voucher: {
      consumer: address("voucher.consumer", v.consumer),
      provider: address("voucher.provider", v.provider),
      batch: v.batch,
      modelId: v.modelId as string,
      priorityBps: uint("voucher.priorityBps", v.priorityBps),
      epoch: uint("voucher.epoch", v.epoch),
      cumulativeAmount: uint("voucher.cumulativeAmount", v.cumulativeAmount),
      cumulativeTokens: uint("voucher.cumulativeTokens", v.cumulativeTokens),
      deadline: uint("voucher.deadline", v.deadline),
    },
    signature: raw.signature as string,
  };
}
