/**
 * The QUIVer market's EIP-712 voucher as scripts, tasks, the demo, the benchmark and the tests sign it: one
 * definition of the struct, its type and its domain, so a field added to `IInferenceMarket.Voucher` is added here once.
 */
import type { Signer, TypedDataField } from "ethers";

/** `IInferenceMarket.Voucher`, as ethers takes it. */
export interface Voucher {
  consumer: string;
  provider: string;
  batch: boolean;
  modelId: string;
  priorityBps: bigint;
  epoch: bigint;
  cumulativeAmount: bigint;
  cumulativeTokens: bigint;
  deadline: bigint;
}

/** The EIP-712 type a consumer signs (fields in the contract's order). */
export const VOUCHER_TYPES: Record<string, TypedDataField[]> = {
  Voucher: [
    { name: "consumer", type: "address" },
    { name: "provider", type: "address" },
    { name: "batch", type: "bool" },
    { name: "modelId", type: "bytes32" },
    { name: "priorityBps", type: "uint256" },
    { name: "epoch", type: "uint256" },
    { name: "cumulativeAmount", type: "uint256" },
    { name: "cumulativeTokens", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** The market's EIP-712 domain on `chainId`. */
export const voucherDomain = (market: string, chainId: bigint) => ({
  name: "InferenceMarket",
  version: "1",
  chainId,
  verifyingContract: market,
});

/** The consumer's signature of `voucher` for `market` on `chainId`. */
export function signVoucher(signer: Signer, market: string, chainId: bigint, voucher: Voucher): Promise<string> {
  return signer.signTypedData(voucherDomain(market, chainId), VOUCHER_TYPES, voucher);
}
