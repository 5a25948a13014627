import { id, parseEther, type Contract } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deploySlashing } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const DAY = 86_400n;
const DELEGATION = parseEther("100");
const BOND = parseEther("10000");
const MAJOR = 1;
const MINOR = 0;
/** Delegations opened per transaction by the staking factory (each ~0.3M gas). */
const STAKER_BATCH = 40;
/** Validators registered per transaction by the validator factory. */
const VALIDATOR_BATCH = 60;

/**
 * A running QUIVer slashing module: provider P (1,000,000 self-stake) with delegator D (10,000, of which 5,000
 * unbonding so the slash reaches an unbonding pool), `delegators` more delegations of 100 to P opened by the staking
 * benchmark's factory (test/staking/mocks/BenchStakers.sol), `validators` validators registered by a test-only
 * factory (test/slashing/mocks/BenchValidators.sol) plus three EOA validators, a funded reward pool, a mock source with
 * a subject of P worth 2,000 for consumer C, and one earlier challenge already decided (so counters are warm).
 */
async function running(connection: NetworkConnection, delegators: number, validators: number) {
  const { ethers, networkHelpers } = connection;
  const [deployer, provider, delegator, consumer, v1, v2, v3] = await ethers.getSigners();
  const deployed = await deploySlashing(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    slashing: quiverSlashing,
  });
  const { manager, token, staking, court } = deployed;
  const stakingAddress = await staking.getAddress();
  const courtAddress = await court.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await manager.grantRole(ROLES.EMERGENCY, deployer.address, 0);
  for (const account of [deployer, provider, delegator, consumer, v1, v2, v3]) {
    await token.mint(account.address, parseEther("2000000"));
    await token.connect(account).approve(stakingAddress, parseEther("2000000"));
    await token.connect(account).approve(courtAddress, parseEther("2000000"));
  }
  await staking.connect(provider).registerProvider(parseEther("1000000"));
  await staking.connect(delegator).delegate(provider.address, parseEther("10000"));
  await staking.connect(delegator).unbond(parseEther("5000"));

  if (delegators > 0) {
    const stakers = await ethers.deployContract("BenchStakers", [stakingAddress, await token.getAddress()]);
    await token.mint(await stakers.getAddress(), DELEGATION * BigInt(delegators));
    for (let opened = 0; opened < delegators; opened += STAKER_BATCH) {
      const count = Math.min(STAKER_BATCH, delegators - opened);
      await (
        await stakers.getFunction("create")(count, 0, 0, DELEGATION, provider.address, { gasLimit: 16_000_000 })
      ).wait();
    }
  }
  if (validators > 0) {
    const factory = await ethers.deployContract("BenchValidators", [courtAddress, await token.getAddress()]);
    await token.mint(await factory.getAddress(), BOND * BigInt(validators));
    for (let registered = 0; registered < validators; registered += VALIDATOR_BATCH) {
      const count = Math.min(VALIDATOR_BATCH, validators - registered);
      await (await factory.getFunction("create")(count, BOND, { gasLimit: 16_000_000 })).wait();
    }
  }
  for (const v of [v1, v2, v3]) await court.connect(v).registerValidator();
  await court.connect(deployer).fundRewards(parseEther("100000"));

  const source = (await ethers.deployContract("MockChallengeSource")) as unknown as Contract;
  await court.setSource(await source.getAddress(), true);
  const deadline = BigInt(await networkHelpers.time.latest()) + 30n * DAY;
  const setSubject = async (name: string) =>
    (
      await source.getFunction("setSubject")(id(name), provider.address, consumer.address, parseEther("2000"), deadline)
    ).wait();
  // An earlier challenge, decided, so the court's counters and pools are not cold zeros.
  await setSubject("earlier");
  await court.connect(consumer).openChallenge(await source.getAddress(), id("earlier"), MINOR, 100n);
  // No votes: no verdict, so it expires one voting period after its vote ends.
  await networkHelpers.time.increase(6n * DAY);
  await court.decide(1n);
  await setSubject("subject");
  return { ...deployed, source, deployer, provider, consumer, voters: [v1, v2, v3] };
}

/** Opens the benchmark subject's challenge and casts the three EOA validators' votes (to uphold). */
async function openAndUphold(env: Awaited<ReturnType<typeof running>>) {
  const { court, source, consumer, voters } = env;
  await court.connect(consumer).openChallenge(await source.getAddress(), id("subject"), MAJOR, 1_000n);
  for (const v of voters) await court.connect(v).vote(2n, true);
}

/** The logs of a slash through the slasher: InfractionSlashed, staking's Slashed, the burn's Transfer. */
const SLASH_LOGS = [
  { topics: 4, dataBytes: 192 },
  { topics: 3, dataBytes: 128 },
  { topics: 3, dataBytes: 32 },
];

export const slashingCases: BenchCase[] = [
  {
    module: "slashing",
    action: "slash (emergency path, major 10%)",
    scaling: true,
    prepare: async (connection, participants) => {
      const env = await running(connection, participants, 0);
      return {
        send: () => env.slasher.emergencySlash(env.provider.address, MAJOR, 1_000n, id("incident-1")),
        // Slasher: the class range and cap window read, the evidence flag and the cap window written (new). Staking:
        // the provider's registration, self-stake and a tier threshold read; the pool's assets and shares, its
        // unbonding pool, the totals bonded and unbonding, the pool's weights, the global weight totals, the earning
        // stake and accrual timestamp rewritten. Votes: one price checkpoint (length and a new entry). Token: the
        // staking balance and the total supply (burn). Reputation: the provider's account read.
        floor: {
          coldAccounts: 4,
          coldReads: 6,
          nonZeroToNonZero: 9,
          zeroToNonZero: 3,
          logs: SLASH_LOGS,
        },
      };
    },
    note: "the tier cap is read from staking (tierOf: self-stake, tier table, held tier), the slash itself accrues the reward stream, syncs and reweighs the pool, and checkpoints the share price in the votes contract; ban and cap checks add external reads",
  },
  {
    module: "slashing",
    action: "open challenge",
    prepare: async (connection) => {
      const env = await running(connection, 0, 10);
      return {
        send: async () =>
          env.court.connect(env.consumer).openChallenge(await env.source.getAddress(), id("subject"), MAJOR, 1_000n),
        // Court: the source flag, the settings, the counters (count, active validators, last voting end) and the
        // escrow rewritten, the subject index and a challenge record of three slots written. Source: the subject
        // (provider, consumer, value, deadline). Staking: the provider's registration. Slasher: the evidence flag and
        // the class range. Token: allowance and two balances, Transfer log.
        floor: {
          coldAccounts: 4,
          coldReads: 9,
          nonZeroToNonZero: 5,
          zeroToNonZero: 4,
          logs: [
            { topics: 4, dataBytes: 224 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: "the challenge record is five slots written at opening (challenger and stake; provider, voting end, class and percent; votes, quorum and fee; evidence id; the set's bonds), a sixth (bonds voting) written by the votes; the subject is read from the source by an external call",
  },
  {
    module: "slashing",
    action: "vote (with 10 or 10,000 validators)",
    scaling: true,
    prepare: async (connection, participants) => {
      const env = await running(connection, 0, participants);
      const { court, source, consumer, voters } = env;
      await court.connect(consumer).openChallenge(await source.getAddress(), id("subject"), MAJOR, 1_000n);
      return {
        send: () => court.connect(voters[0]).vote(2n, true),
        // The challenge's status, voting end and parties read; its vote counts rewritten; the validator's record read
        // and its last vote rewritten; the vote recorded (new); Voted log.
        floor: { coldReads: 2, nonZeroToNonZero: 2, zeroToNonZero: 1, logs: [{ topics: 3, dataBytes: 32 }] },
      };
    },
  },
  {
    module: "slashing",
    action: "decide (upheld: slash, reward, fee)",
    scaling: true,
    prepare: async (connection, participants) => {
      const env = await running(connection, participants, 0);
      await openAndUphold(env);
      await connection.networkHelpers.time.increase(3n * DAY);
      return {
        send: () => env.court.decide(2n),
        // Court: the challenge read (four slots) and its status and fee written, the settings read, the pool, fees
        // owed and escrow rewritten; the slash as in "slash" (slasher, staking, votes, token, reputation); the payout
        // to the challenger (two balances). Logs: ChallengeDecided, the slash's three, the payout's Transfer.
        floor: {
          coldAccounts: 5,
          coldReads: 9,
          nonZeroToNonZero: 15,
          zeroToNonZero: 3,
          logs: [{ topics: 2, dataBytes: 224 }, ...SLASH_LOGS, { topics: 3, dataBytes: 32 }],
        },
      };
    },
    note: "the slash's own cost (see slash) plus the court's settlement; the evidence is checked before the slash so a result slashed meanwhile on the emergency path is not slashed twice",
  },
  {
    module: "slashing",
    action: "claim validator fee",
    prepare: async (connection) => {
      const env = await running(connection, 0, 0);
      await openAndUphold(env);
      await connection.networkHelpers.time.increase(3n * DAY);
      await env.court.decide(2n);
      return {
        send: () => env.court.connect(env.voters[0]).claimValidatorFee(2n),
        // The challenge's status and fee read, the vote rewritten (claimed), the fees owed rewritten; token: two
        // balances. Logs: ValidatorFeeClaimed, Transfer.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          nonZeroToNonZero: 4,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "slashing",
    action: "attest an epoch (metrics)",
    note: "the epoch bucket is three slots (figures and counts; bonds attested and slow; bonds down and the largest set seen), and the court is read twice (active, then the attester's bond and the set's bonds)",
    prepare: async (connection) => {
      const env = await running(connection, 0, 0);
      const { metrics, provider, voters, networkHelpers } = { ...env, networkHelpers: connection.networkHelpers };
      // The validator attested the previous epoch too: its cursor and the provider's rolling sums are warm.
      await networkHelpers.time.increase(DAY);
      const first = await metrics.currentEpoch();
      await metrics.connect(voters[0]).attest(provider.address, first - 1n, 80n, 9_990n, 9_500n);
      await networkHelpers.time.increase(DAY);
      return {
        send: () => metrics.connect(voters[0]).attest(provider.address, first, 90n, 9_980n, 9_400n),
        // Court: the validator's status. Staking: the provider's registration. Registry: the advertised latency read,
        // the validator's cursor and the rolling sums rewritten, the epoch's bucket written (new slot); Attested log.
        floor: {
          coldAccounts: 2,
          coldReads: 3,
          nonZeroToNonZero: 2,
          zeroToNonZero: 1,
          logs: [{ topics: 4, dataBytes: 96 }],
        },
      };
    },
  },
  {
    module: "slashing",
    action: "prove a minor infraction (uptime)",
    prepare: async (connection) => {
      const env = await running(connection, 0, 0);
      const { metrics, provider, voters } = env;
      const { networkHelpers } = connection;
      await networkHelpers.time.increase(DAY);
      const epoch = (await metrics.currentEpoch()) - 1n;
      for (const v of voters) await metrics.connect(v).attest(provider.address, epoch, 80n, 9_000n, 9_500n);
      await networkHelpers.time.increase(DAY);
      return {
        send: () => metrics.proveMinorInfraction(provider.address, epoch, 1),
        // The epoch's bucket read, then a minor slash through the slasher as in "slash"; MinorInfractionProven log.
        floor: {
          coldAccounts: 5,
          coldReads: 7,
          nonZeroToNonZero: 9,
          zeroToNonZero: 3,
          logs: [{ topics: 3, dataBytes: 128 }, ...SLASH_LOGS],
        },
      };
    },
    note: "a slash through the slasher (see slash) after checking the epoch's attestation counts",
  },
  {
    module: "slashing",
    action: "absorb fees paid to the court by transfer",
    prepare: async (connection) => {
      const env = await running(connection, 0, 0);
      // The market's distributeFees pays the validator fee to the court by plain transfer.
      await env.token.connect(env.deployer).transfer(await env.court.getAddress(), parseEther("45"));
      return {
        send: () => env.court.absorbBalance(),
        // Court: the pool and fees owed (one slot) rewritten, escrow and bonds (one slot) read. Token: the court's
        // balance read. BalanceAbsorbed log.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          nonZeroToNonZero: 1,
          logs: [{ topics: 2, dataBytes: 64 }],
        },
      };
    },
  },
];
