/**
 * QUIVer's provider programs and ratings on their own, on a fresh in-process network
 * (`hardhat run scripts/demo/quiver-programs.ts`): the market, slashing and programs modules deploy with the QUIVer
 * preset, a funder standing in for the named allocations funds each pool with 1,000 QUIV (transfers, nothing
 * minted), three validators bond in the court, and the walk-through the main job's QUIVer scenario also runs
 * (scripts/demo/provider-programs.ts) pays each program: the feedback reward, then diversity after 189 days, then
 * availability, diversity and loyalty after 219 days of activity. One line per program.
 */
import { id, parseEther } from "ethers";
import { network } from "hardhat";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverPrograms } from "../../presets/quiver/programs.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployPrograms } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import {
  fundProviderPrograms,
  PROGRAMS_PAYMENT,
  runProviderPrograms,
  type ProgramsDemoEnv,
} from "./provider-programs.js";

const connection = await network.create();
const { ethers } = connection;
const [deployer, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
const d = await deployPrograms(connection, {
  token: { name: "QUIVer", symbol: "QUIV", cap: parseEther("1000000000") },
  staking: quiverStaking,
  market: quiverMarket,
  slashing: quiverSlashing,
  programs: quiverPrograms,
  recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
});
const { manager, token, staking, court } = d;
const show = (x: bigint) => ethers.formatEther(x);

// The funder stands in for the treasury and the provider-rewards stream; the actors get their tokens the same way.
await manager.grantRole(ROLES.MINTER, deployer.address, 0);
// The deployer also stands in for the market curator (it certifies P for its model).
await manager.grantRole(ROLES.MARKET_CURATOR, deployer.address, 0);
await token.mint(deployer.address, parseEther("4000"));
await token.mint(provider.address, parseEther("10000"));
await token.connect(provider).approve(staking, parseEther("10000"));
await staking.connect(provider).registerProvider(parseEther("10000"));
await token.mint(consumer.address, 3n * PROGRAMS_PAYMENT);
const validatorSigners = (await ethers.getSigners()).slice(6, 9);
for (const v of validatorSigners) {
  await token.mint(v.address, parseEther("10000"));
  await token.connect(v).approve(court, parseEther("10000"));
  await court.connect(v).registerValidator();
}

const env: ProgramsDemoEnv = {
  connection,
  token,
  catalog: d.catalog,
  market: d.market,
  metrics: d.metrics,
  ratings: d.ratings,
  programs: d.programs,
  curator: { signer: deployer, name: "the curator" },
  provider: { signer: provider, name: "P" },
  consumer: { signer: consumer, name: "C" },
  validators: validatorSigners,
  modelId: id("demo.model.rare"),
  step: async (_label, tx) => (await (await tx).wait())!,
};
const pool = parseEther("1000");
await fundProviderPrograms(env, {
  feedback: { from: deployer, name: "the funder", amount: pool },
  bonuses: { from: deployer, name: "the funder", amounts: { availability: pool, diversity: pool, loyalty: pool } },
});
const r = await runProviderPrograms(env);
console.log(`feedback: C rated P 5 stars after a settled payment and was paid ${show(r.feedback)} QUIV`);
console.log(
  `first claim, on ${show(r.first.basis)} QUIV of earnings: ${show(r.first.availability + r.first.diversity + r.first.loyalty)} QUIV (no uptime record, no tenure, model served under 30 days)`,
);
console.log(
  `after 189 days of activity (tenure complete) P (certified, sole provider of its model) was paid diversity ${show(r.middle.diversity)} QUIV, loyalty ${show(r.middle.loyalty)} (it opens from this claim)`,
);
console.log(
  `then, on ${show(r.second.basis)} QUIV more earnings after 219 days of activity and 90 attestations at 99.90%:`,
);
console.log(`availability: P was paid ${show(r.second.availability)} QUIV`);
console.log(`diversity: P was paid ${show(r.second.diversity)} QUIV`);
console.log(`loyalty: P was paid ${show(r.second.loyalty)} QUIV`);
console.log(
  `P's paid-weighted rating: ${Number(r.rating.averageStarsBps) / 10_000} stars over ${show(r.rating.weight)} QUIV`,
);
