/**
 * Merkle trees for PartnerRewards, in OpenZeppelin's standard-tree format: a leaf is
 * keccak256(keccak256(abi.encode(uint256 index, address account, uint256 amount))), pairs are hashed sorted
 * (what `MerkleProof.verify` checks). Indices run 0..n-1 in the order given. Small and dependency-free: the
 * distributor builds a period's tree with it and hands each partner its proof.
 */
import { AbiCoder, concat, keccak256 } from "ethers";

export interface RewardEntry {
  account: string;
  amount: bigint;
}

export function leafHash(index: bigint, account: string, amount: bigint): string {
  return keccak256(
    keccak256(AbiCoder.defaultAbiCoder().encode(["uint256", "address", "uint256"], [index, account, amount])),
  );
}

function hashPair(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

export class RewardTree {
  readonly entries: readonly RewardEntry[];
  private readonly layers: string[][];

  constructor(entries: readonly RewardEntry[]) {
    if (entries.length === 0) throw new Error("RewardTree: no entries");
    this.entries = entries;
    let layer = entries.map((e, i) => leafHash(BigInt(i), e.account, e.amount));
    this.layers = [layer];
    while (layer.length > 1) {
      const next: string[] = [];
      // An odd node out moves up unchanged.
      for (let i = 0; i < layer.length; i += 2)
        next.push(i + 1 < layer.length ? hashPair(layer[i], layer[i + 1]) : layer[i]);
      this.layers.push(next);
      layer = next;
    }
  }

  get root(): string {
    return this.layers[this.layers.length - 1][0];
  }

  /** Sum of every entry's amount: what a period must allocate to pay them all. */
  get total(): bigint {
    return this.entries.reduce((sum, e) => sum + e.amount, 0n);
  }

  proof(index: number): string[] {
    const proof: string[] = [];
    let i = index;
    for (const layer of this.layers.slice(0, -1)) {
      const sibling = i ^ 1;
      if (sibling < layer.length) proof.push(layer[sibling]);
      i >>= 1;
    }
    return proof;
  }
}
