/**
 * QUIVer's provider programs and ratings on a fresh in-process network (`hardhat run scripts/demo/quiver-programs.ts`):
 *
 * - The market, slashing and programs modules deploy with the QUIVer preset; a funder standing in for the treasury and
 *   the provider-rewards stream funds the feedback pool and the three bonus pools (transfers, nothing minted).
 * - Provider P (Bronze) lists a rare model and enrols; consumer C pays it 1,000 QUIV of list value through one voucher
 *   and rates it 5 stars with a review hash: C receives the feedback reward (0.5 QUIV).
 * - P claims: the diversity bonus of a model it alone serves (0.2% of its 800 QUIV of earnings: 1.6 QUIV).
 * - Seven months of sightings later (one every 29 days), C pays again and P claims diversity (1.6 QUIV): loyalty pays
 *   only on earnings settled after a claim made with the tenure complete, so this claim opens it.
 * - Three validators bond in the court and attest P daily for 30 days at 99.90% uptime (90 attestations); C pays
 *   again and P claims availability, diversity and loyalty (0.4% + 0.2% + 0.25% of 800: 6.8 QUIV).
 */
import { id, parseEther } from "ethers";
import { network } from "hardhat";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverPrograms } from "../../presets/quiver/programs.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployPrograms } from "../lib/deploy.js";
import { ROLES } from "../lib/roles.js";
import { signVoucher, type Voucher } from "../lib/voucher.js";

const MODEL = id("demo.model.rare");
const DAY = 86_400;

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const [deployer, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
const d = await deployPrograms(connection, {
  token: { name: "QUIVer", symbol: "QUIV", cap: parseEther("1000000000") },
  staking: quiverStaking,
  market: quiverMarket,
  slashing: quiverSlashing,
  programs: quiverPrograms,
  recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
});
const { manager, token, staking, catalog, market, ratings, programs } = d;
const show = (x: bigint) => ethers.formatEther(x);

await manager.grantRole(ROLES.MINTER, deployer.address, 0);
await token.mint(deployer.address, parseEther("4000"));
await token.approve(await ratings.getAddress(), parseEther("1000"));
await ratings.fund(parseEther("1000"));
await token.approve(await programs.getAddress(), parseEther("3000"));
for (const program of [0, 1, 2]) await programs.fund(program, parseEther("1000"));

await token.mint(provider.address, parseEther("10000"));
await token.connect(provider).approve(await staking.getAddress(), parseEther("10000"));
await staking.connect(provider).registerProvider(parseEther("10000"));
await catalog.connect(provider).listModel(MODEL, 0);
await programs.connect(provider).enroll();
await token.mint(consumer.address, parseEther("10000"));
await token.connect(consumer).approve(await market.getAddress(), parseEther("10000"));
await market.connect(consumer).deposit(parseEther("10000"));
await market.connect(consumer).reserve(provider.address, parseEther("10000"));

const { chainId } = await ethers.provider.getNetwork();
async function pay(cumulative: bigint) {
  const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + DAY);
  const v: Voucher = {
    consumer: consumer.address,
    provider: provider.address,
    batch: false,
    modelId: MODEL,
    priorityBps: 0n,
    epoch: 0n,
    cumulativeAmount: cumulative,
    cumulativeTokens: cumulative / 10n ** 15n,
    deadline,
  };
  await (
    await market.connect(provider).settle(v, await signVoucher(consumer, await market.getAddress(), chainId, v))
  ).wait();
}

await pay(parseEther("1000"));
const channel = { provider: provider.address, batch: false, modelId: MODEL, priorityBps: 0n, epoch: 0n };
await (await ratings.connect(consumer).rate(channel, 5n, id("fast and accurate"))).wait();
console.log(`C rated P 5 stars; feedback reward paid to C: ${show(await token.balanceOf(consumer.address))} QUIV`);

let before = await token.balanceOf(provider.address);
await (await programs.connect(provider).claim(MODEL)).wait();
console.log(`P claimed the diversity bonus: ${show((await token.balanceOf(provider.address)) - before)} QUIV`);

// A sighting every 29 days (a gap above 30 days would restart the tenure): 203 days in all.
for (let sighting = 0; sighting < 7; sighting++) {
  await networkHelpers.time.increase(29 * DAY);
  await programs.sight(provider.address);
}
await pay(parseEther("2000"));
before = await token.balanceOf(provider.address);
await (await programs.connect(provider).claim(MODEL)).wait();
console.log(
  `after 203 days of activity P claimed diversity (loyalty opens for the earnings after this claim): ${show((await token.balanceOf(provider.address)) - before)} QUIV`,
);
// Three validators bond in the court and attest P every day for 30 days at 99.90% uptime: 90 attestations.
const { metrics, court } = d;
const validatorSigners = (await ethers.getSigners()).slice(6, 9);
for (const v of validatorSigners) {
  await token.mint(v.address, parseEther("10000"));
  await token.connect(v).approve(await court.getAddress(), parseEther("10000"));
  await court.connect(v).registerValidator();
}
for (let day = 0; day < 30; day++) {
  await networkHelpers.time.increase(DAY);
  const epoch = (await metrics.currentEpoch()) - 1n;
  for (const v of validatorSigners) await metrics.connect(v).attest(provider.address, epoch, 80n, 9_990n, 9_500n);
  if (day % 10 === 9) await programs.sight(provider.address);
}
await pay(parseEther("3000"));
before = await token.balanceOf(provider.address);
await (await programs.connect(provider).claim(MODEL)).wait();
console.log(
  `with 99.90% uptime on 90 attestations P claimed availability + diversity + loyalty: ${show((await token.balanceOf(provider.address)) - before)} QUIV`,
);
const r = await ratings.ratingOf(provider.address);
console.log(`P's paid-weighted rating: ${Number(r.averageStarsBps) / 10_000} stars over ${show(r.weight)} QUIV`);
