import type { ContractTransactionResponse } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { FloorSpec } from "./floor.js";

/** A prepared measurement: the transaction to send and what it cannot avoid. */
export interface Prepared {
  send: () => Promise<ContractTransactionResponse>;
  floor: FloorSpec;
}

/**
 * One user action in the benchmark. `prepare` runs on a fresh in-process network: it deploys what the
 * action needs, creates `participants` other users of the module (stakers, providers, holders...) and
 * returns the transaction to measure.
 */
export interface BenchCase {
  module: string;
  action: string;
  prepare: (connection: NetworkConnection, participants: number) => Promise<Prepared>;
  /** Measure at 10 and at 10,000 participants and require the two within 5% (principle 1: O(1)). */
  scaling?: boolean;
  /** A reference implementation of the same action, measured the same way on the same devnet. */
  reference?: { name: string; prepare: (connection: NetworkConnection) => Promise<Prepared> };
  /** Why the action sits above 1.5x its floor, when it does. */
  note?: string;
}
