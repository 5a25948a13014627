/**
 * The EVM floor of a transaction: the gas it cannot avoid for the storage it must touch and the logs
 * it must emit, under the Prague schedule (EIP-2929 cold/warm access, EIP-2200/3529 SSTORE).
 *
 *   floor = 21,000 (transaction)
 *         + calldata (4 per zero byte, 16 per non-zero byte, from the actual transaction data)
 *         + 2,600 per other contract that must be called (cold account access)
 *         + 2,100 per cold storage slot that must be read and is not also written
 *         +   100 per warm re-read
 *         + 22,100 per slot that must go from zero to non-zero (2,100 cold + 20,000)
 *         +  5,000 per slot that must change from one non-zero value to another (2,100 cold + 2,900)
 *         +  5,000 per slot that must be cleared to zero (the 4,800 refund is not subtracted)
 *         + per log: 375 + 375 x topics + 8 x data bytes
 *         + per contract created: 32,000 + 200 x deployed code bytes
 *
 * What is "unavoidable" is the case's own statement (its `floor` spec), written next to the case: the
 * minimum state a correct implementation of the action must read and write. Memory expansion,
 * arithmetic and the ABI dispatch are not counted, so real code always sits above the floor.
 */
export interface FloorSpec {
  /** Contracts other than the transaction's target that must be called. */
  coldAccounts?: number;
  /** Storage slots that must be read but not written. */
  coldReads?: number;
  /** Re-reads of a slot already touched in the transaction. */
  warmReads?: number;
  /** Slots that must go from zero to non-zero. */
  zeroToNonZero?: number;
  /** Slots that must change between two non-zero values. */
  nonZeroToNonZero?: number;
  /** Slots that must be cleared to zero (the refund is ignored: a floor stays a floor). */
  nonZeroToZero?: number;
  /** Logs that must be emitted: topics (including the event signature) and data bytes. */
  logs?: { topics: number; dataBytes: number }[];
  /** Contracts that must be created, by deployed code size in bytes: 32,000 + 200 per byte each. */
  contractsCreated?: number[];
}

export const GAS = {
  TX: 21_000,
  CALLDATA_ZERO: 4,
  CALLDATA_NONZERO: 16,
  COLD_ACCOUNT: 2_600,
  COLD_SLOAD: 2_100,
  WARM_SLOAD: 100,
  SSTORE_SET: 20_000,
  SSTORE_RESET: 2_900,
  LOG: 375,
  LOG_TOPIC: 375,
  LOG_DATA_BYTE: 8,
  CREATE: 32_000,
  CODE_DEPOSIT_BYTE: 200,
} as const;

/** Calldata cost of a transaction's data (a 0x-prefixed hex string). */
export function calldataGas(data: string): number {
  let gas = 0;
  for (let i = 2; i < data.length; i += 2) {
    gas += data.slice(i, i + 2) === "00" ? GAS.CALLDATA_ZERO : GAS.CALLDATA_NONZERO;
  }
  return gas;
}

/** The floor of a transaction with the given data and unavoidable state access. */
export function floorGas(data: string, spec: FloorSpec): number {
  const cold = GAS.COLD_SLOAD;
  return (
    GAS.TX +
    calldataGas(data) +
    (spec.coldAccounts ?? 0) * GAS.COLD_ACCOUNT +
    (spec.coldReads ?? 0) * cold +
    (spec.warmReads ?? 0) * GAS.WARM_SLOAD +
    (spec.zeroToNonZero ?? 0) * (cold + GAS.SSTORE_SET) +
    (spec.nonZeroToNonZero ?? 0) * (cold + GAS.SSTORE_RESET) +
    (spec.nonZeroToZero ?? 0) * (cold + GAS.SSTORE_RESET) +
    (spec.logs ?? []).reduce(
      (sum, l) => sum + GAS.LOG + l.topics * GAS.LOG_TOPIC + l.dataBytes * GAS.LOG_DATA_BYTE,
      0,
    ) +
    (spec.contractsCreated ?? []).reduce((sum, size) => sum + GAS.CREATE + size * GAS.CODE_DEPOSIT_BYTE, 0)
  );
}
