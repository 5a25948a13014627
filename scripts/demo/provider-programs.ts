/**
 * The provider programs and ratings walked through end to end, shared by the main job's QUIVer scenario
 * (scripts/demo/quiver.ts) and `npm run demo:programs` (scripts/demo/quiver-programs.ts):
 *
 * - The funders transfer the pools' funding in (the feedback pool, then the availability, diversity and loyalty
 *   pools): nothing is minted.
 * - Provider P lists a model nobody else serves, the market curator certifies P for it, and P enrols; consumer C
 *   pays it 1,000 QUIV of list value through one voucher and rates it 5 stars with a review hash: C receives the
 *   feedback reward (0.5 QUIV, the per-review cap; 0.1% of the 1,000 it paid would be 1).
 * - P claims on its 800 QUIV of earnings: nothing yet (no uptime record, no tenure, and settlements earn the diversity
 *   weight only after 30 days of serving the model); the claim starts its span.
 * - Anyone sights P every 27 days for 189 days (past the 182.5-day tenure); C pays 1,000 more and P claims diversity
 *   (0.2% of 800 weighted in full, P serving the model alone: 1.6): loyalty pays only on earnings made after a claim
 *   with the tenure complete, and availability only when the previous claim lies within the uptime window, so this
 *   claim opens both.
 * - Three bonded validators attest P daily for 30 days at 99.90% uptime (90 attestations; sighted every 10 days): 219
 *   days of continuous activity. C pays 1,000 more and P claims availability (0.4% of 800: 3.2), diversity (1.6) and
 *   loyalty (0.25%: 2) on those 800 QUIV.
 */
import { id, type ContractTransactionReceipt, type ContractTransactionResponse, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type {
  InferenceMarket,
  MetricsRegistry,
  ModelCatalog,
  ProtocolToken,
  ProviderPrograms,
  Ratings,
} from "../../typechain-types/index.js";
import { signVoucher, type Voucher } from "../lib/voucher.js";

const QUIV = 10n ** 18n;
const DAY = 86_400;
/** List value of each of the consumer's two payments. */
export const PROGRAMS_PAYMENT = 1_000n * QUIV;
/** The bonus programs, in `IProviderPrograms.Program` order. */
const PROGRAMS = ["availability", "diversity", "loyalty"] as const;

/** What the walk-through runs on: the contracts, the actors, and how the caller records a transaction. */
export interface ProgramsDemoEnv {
  connection: NetworkConnection;
  token: ProtocolToken;
  catalog: ModelCatalog;
  market: InferenceMarket;
  metrics: MetricsRegistry;
  ratings: Ratings;
  programs: ProviderPrograms;
  /** The market curator (it certifies the provider for `modelId`). */
  curator: { signer: Signer; name: string };
  /** A provider registered in staking (it lists `modelId` and enrols here). */
  provider: { signer: Signer; name: string };
  /** A consumer holding at least three times `PROGRAMS_PAYMENT`. */
  consumer: { signer: Signer; name: string };
  /** Three validators bonded in the challenge court. */
  validators: Signer[];
  /** A model nobody serves yet. */
  modelId: string;
  /** Sends a transaction the caller records (the main job's report lists it with its gas). */
  step(label: string, tx: Promise<ContractTransactionResponse>): Promise<ContractTransactionReceipt>;
}

/** Who funds which pool, and how much (token wei). */
export interface ProgramsFunding {
  feedback: { from: Signer; name: string; amount: bigint };
  /** One funder for the three bonus pools (the provider-rewards stream). */
  bonuses: { from: Signer; name: string; amounts: Record<(typeof PROGRAMS)[number], bigint> };
}

/** One claim's bonuses, token wei. */
export interface ProgramsClaim {
  basis: bigint;
  availability: bigint;
  diversity: bigint;
  loyalty: bigint;
}

/** What the walk-through paid. */
export interface ProgramsDemoResult {
  feedback: bigint;
  first: ProgramsClaim;
  /** The claim once the tenure is complete (it opens loyalty and availability for the next). */
  middle: ProgramsClaim;
  second: ProgramsClaim;
  /** P's paid-weighted rating: average stars in bps and the list value it weighs. */
  rating: { averageStarsBps: bigint; weight: bigint };
}

/** Transfers the funding into the feedback pool and the three bonus pools (approve, then `fund`). */
export async function fundProviderPrograms(env: ProgramsDemoEnv, funding: ProgramsFunding): Promise<void> {
  const { token, ratings, programs } = env;
  const f = funding.feedback;
  const show = (wei: bigint) => (wei / QUIV).toLocaleString("en-US");
  await env.step(
    `${f.name} approves ${show(f.amount)} QUIV to the ratings`,
    token.connect(f.from).approve(ratings, f.amount),
  );
  await env.step(`${f.name} funds the feedback pool (${show(f.amount)} QUIV)`, ratings.connect(f.from).fund(f.amount));
  const b = funding.bonuses;
  const total = PROGRAMS.reduce((sum, p) => sum + b.amounts[p], 0n);
  await env.step(
    `${b.name} approves ${show(total)} QUIV to the provider programs`,
    token.connect(b.from).approve(programs, total),
  );
  for (const [i, program] of PROGRAMS.entries()) {
    await env.step(
      `${b.name} funds the ${program} pool (${show(b.amounts[program])} QUIV)`,
      programs.connect(b.from).fund(i, b.amounts[program]),
    );
  }
}

/** Runs the walk-through (module comment) and returns what each program paid. */
export async function runProviderPrograms(env: ProgramsDemoEnv): Promise<ProgramsDemoResult> {
  const { connection, token, catalog, market, metrics, ratings, programs, modelId } = env;
  const { ethers, networkHelpers } = connection;
  const P = env.provider.signer;
  const C = env.consumer.signer;
  const [p, c] = [env.provider.name, env.consumer.name];
  const providerAddress = await P.getAddress();
  const consumerAddress = await C.getAddress();

  await env.step(`${p} lists a model nobody else serves`, catalog.connect(P).listModel(modelId, 0));
  await env.step(
    `${env.curator.name} certifies ${p} as a specialist of it (eligible for the diversity bonus)`,
    catalog.connect(env.curator.signer).certify(modelId, providerAddress, true),
  );
  await env.step(`${p} enrols in the provider programs`, programs.connect(P).enroll());
  const escrow = 3n * PROGRAMS_PAYMENT;
  await env.step(`${c} approves 3,000 QUIV to the market`, token.connect(C).approve(market, escrow));
  await env.step(`${c} deposits 3,000 QUIV in escrow`, market.connect(C).deposit(escrow));
  await env.step(`${c} reserves it for ${p}`, market.connect(C).reserve(providerAddress, escrow));
  const epoch = (await market.reserveOf(consumerAddress, providerAddress)).epoch;
  const { chainId } = await ethers.provider.getNetwork();
  const pay = async (cumulative: bigint) => {
    const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + DAY);
    const v: Voucher = {
      consumer: consumerAddress,
      provider: providerAddress,
      batch: false,
      modelId,
      priorityBps: 0n,
      epoch,
      cumulativeAmount: cumulative,
      cumulativeTokens: cumulative / 10n ** 15n,
      deadline,
    };
    const signature = await signVoucher(C, await market.getAddress(), chainId, v);
    await env.step(
      `${p} settles ${c}'s voucher (${(cumulative / QUIV).toLocaleString("en-US")} QUIV cumulative)`,
      market.connect(P).settle(v, signature),
    );
  };
  const claim = async (label: string): Promise<ProgramsClaim> => {
    const receipt = await env.step(`${p} claims ${label}`, programs.connect(P).claim());
    for (const log of receipt.logs) {
      const parsed = programs.interface.parseLog(log);
      if (parsed?.name === "BonusClaimed") {
        const { basis, availability, diversity, loyalty } = parsed.args;
        return { basis, availability, diversity, loyalty };
      }
    }
    throw new Error("the claim emitted no BonusClaimed");
  };

  // Ratings: only a settled payment lets C rate, weighted by the list value it settled.
  await pay(PROGRAMS_PAYMENT);
  const channel = { provider: providerAddress, batch: false, modelId, priorityBps: 0n, epoch };
  const receipt = await env.step(
    `${c} rates ${p} 5 stars with the hash of a written review`,
    ratings.connect(C).rate(channel, 5n, id("fast, accurate and cheap")),
  );
  let feedback = 0n;
  for (const log of receipt.logs) {
    const parsed = ratings.interface.parseLog(log);
    if (parsed?.name === "Rated") feedback = parsed.args.reward;
  }
  const first = await claim("its bonuses (none yet: this claim starts its span)");

  // Loyalty: continuous activity, never a gap above 30 days between sightings; 189 days here, past the tenure.
  for (let sighting = 1; sighting <= 7; sighting++) {
    await networkHelpers.time.increase(27 * DAY);
    await env.step(`anyone sights ${p} (day ${27 * sighting} of its tenure)`, programs.sight(providerAddress));
  }
  await pay(2n * PROGRAMS_PAYMENT);
  const middle = await claim("diversity with its tenure complete (this claim opens loyalty and availability)");
  // Availability: 30 days attested by three validators at 99.90% (90 attestations); 219 days of tenure at the end.
  for (let day = 1; day <= 30; day++) {
    await networkHelpers.time.increase(DAY);
    const attested = (await metrics.currentEpoch()) - 1n;
    for (const [i, v] of env.validators.entries()) {
      const tx = metrics.connect(v).attest(providerAddress, attested, 80n, 9_990n, 9_500n);
      if (day === 30 && i === env.validators.length - 1) {
        await env.step(`three validators have attested ${p} daily for 30 days at 99.90% uptime (the 90th)`, tx);
      } else {
        await (await tx).wait();
      }
    }
    if (day % 10 === 0 && day < 30) await (await programs.sight(providerAddress)).wait();
  }
  await pay(3n * PROGRAMS_PAYMENT);
  const second = await claim("availability, diversity and loyalty");
  const r = await ratings.ratingOf(providerAddress);
  return { feedback, first, middle, second, rating: { averageStarsBps: r.averageStarsBps, weight: r.weight } };
}
