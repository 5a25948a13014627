import { readFileSync } from "node:fs";

import { expect } from "chai";
import hre from "hardhat";

import { devnetInputs, PRESETS } from "../../scripts/lib/presets.js";
import {
  DEVNET_ACCOUNTS,
  devnetAddress,
  markdown,
  NAMED_FIRST,
  namedAccounts,
  namedAccountsMarkdown,
  parseCommand,
  README_MARKERS,
  SEED,
  USERS,
  WALKTHROUGH,
} from "../../scripts/lib/walkthrough.js";
import { presetAccounts, SYSTEMS } from "../../presets/types/preset.js";

/**
 * The README's "Local walkthrough" and the devnet seed are one list (scripts/lib/walkthrough.ts): the README shows
 * exactly the commands `npm run walkthrough` runs, every command names a task and options that exist, and each
 * preset's documented accounts are its own. `npm run walkthrough` (CI) runs the list against a real node.
 */
describe("Local walkthrough: the README's commands are the ones npm run walkthrough runs", function () {
  it("the README's block is the walkthrough's list, generated from it", function () {
    const readme = readFileSync("README.md", "utf8");
    const [start, end] = README_MARKERS;
    const i = readme.indexOf(start);
    const j = readme.indexOf(end);
    expect(i, "start marker").to.be.greaterThan(0);
    expect(j, "end marker").to.be.greaterThan(i);
    expect(readme.slice(i + start.length, j).trim()).to.equal(markdown(WALKTHROUGH));
  });

  it("every seed and walkthrough command names a task and only options it declares", function () {
    for (const step of [...SEED, ...WALKTHROUGH]) {
      expect(step.cmd, "ends on the local node").to.match(
        /^npx hardhat [a-z-]+ .*--network localhost$|^npx hardhat [a-z-]+ --network localhost$/,
      );
      const { name, args } = parseCommand(step.cmd);
      const task = hre.tasks.getTask(name);
      for (const option of Object.keys(args)) {
        expect(task.options.has(option), `${step.cmd}: --${option} is an option of ${name}`).to.equal(true);
      }
    }
  });

  it("one full lifecycle per preset: the steps the issue lists, in order", function () {
    const names = WALKTHROUGH.map((s) => parseCommand(s.cmd).name);
    const inOrder = (steps: string[]) => {
      let at = -1;
      for (const step of steps) {
        const next = names.indexOf(step, at + 1);
        expect(next, `${step} after ${names[at]}`).to.be.greaterThan(at);
        at = next;
      }
    };
    inOrder(["borrow", "set-price", "liquidate", "repay"]); // Qerun
    inOrder(["issuer-stake", "create-issuer-token", "issuer-mint", "redeem", "fulfil"]); // Qutoken
    inOrder(["subscribe", "report-calls", "close-epoch", "claim"]); // QRY
    inOrder([
      "stake",
      "sign-voucher",
      "settle",
      "challenge",
      "court-vote",
      "decide",
      "propose",
      "vote",
      "queue",
      "execute",
    ]); // QUIVer
  });

  it("documented accounts: each preset's users have their own range, above every named account and guardian", function () {
    const users = Object.values(USERS);
    expect(new Set(users.map((u) => u.index)).size, "no account twice").to.equal(users.length);
    const named = Math.max(...SYSTEMS.map((s) => 10 + presetAccounts(PRESETS[s]).length));
    const ranges = SYSTEMS.map((s) => {
      const indices = users.filter((u) => u.preset === s).map((u) => u.index);
      return [Math.min(...indices), Math.max(...indices)] as const;
    });
    for (const [k, [lo, hi]] of ranges.entries()) {
      expect(lo, `${SYSTEMS[k]}: above the named accounts (up to ${named - 1})`).to.be.at.least(named);
      expect(hi, `${SYSTEMS[k]}: one of the devnet's ${DEVNET_ACCOUNTS} accounts`).to.be.below(DEVNET_ACCOUNTS);
      for (const [m, [lo2, hi2]] of ranges.entries()) {
        if (m !== k) expect(hi < lo2 || hi2 < lo, `${SYSTEMS[k]} and ${SYSTEMS[m]} overlap`).to.equal(true);
      }
    }
    // The devnet network has the accounts, and they are the mnemonic's.
    const devnet = hre.config.networks.devnet as { accounts: { count: number } };
    expect(devnet.accounts.count).to.equal(DEVNET_ACCOUNTS);
    expect(devnetAddress(0)).to.equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  });

  it("named accounts: shared across presets on purpose, as the README's table says; never a user's", async function () {
    // The README's table is the one the code computes (cells compared with Prettier's padding collapsed).
    const readme = readFileSync("README.md", "utf8");
    const [start, end] = ["<!-- named-accounts:start -->", "<!-- named-accounts:end -->"];
    const i = readme.indexOf(start);
    const j = readme.indexOf(end);
    expect(i, "start marker").to.be.greaterThan(0);
    expect(j, "end marker").to.be.greaterThan(i);
    const squash = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").replace(/-+/g, "-"));
    const presets = SYSTEMS.map((s) => PRESETS[s]);
    expect(squash(readme.slice(i + start.length, j))).to.deep.equal(squash(namedAccountsMarkdown(presets)));
    // The table's figures, by hand: account 10 is named in all four presets, 17 (QUIVer's marketCurator) the last.
    expect(namedAccounts(PRESETS.quiver).at(-1)).to.deep.equal({ index: 17, name: "marketCurator" });
    expect(SYSTEMS.map((s) => namedAccounts(PRESETS[s])[0].name)).to.deep.equal([
      "team",
      "communityFund",
      "distributionRegistrar",
      "team",
    ]);
    // devnetInputs gives exactly those accounts (what the deploy writes to the address book).
    const connection = await hre.network.create();
    for (const system of SYSTEMS) {
      const inputs = await devnetInputs(connection, PRESETS[system]);
      const expected = Object.fromEntries(namedAccounts(PRESETS[system]).map((a) => [a.name, devnetAddress(a.index)]));
      expect(inputs.accounts, `${system}: named accounts from ${NAMED_FIRST}`).to.deep.equal(expected);
    }
    // No user account is a named account of any preset, a guardian owner (1-9) or the deployer (0).
    const reserved = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const system of SYSTEMS) for (const a of namedAccounts(PRESETS[system])) reserved.add(a.index);
    for (const [name, user] of Object.entries(USERS)) {
      expect(
        reserved.has(user.index),
        `${name} (account ${user.index}) is a named, guardian or deployer account`,
      ).to.equal(false);
    }
  });

  it("npm run devnet and npm run walkthrough exist, and CI runs the walkthrough", function () {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.devnet).to.equal("hardhat run scripts/devnet.ts");
    expect(scripts.walkthrough).to.equal("hardhat run scripts/walkthrough.ts");
    expect(readFileSync(".ci/run", "utf8")).to.contain('run "npm run walkthrough"');
  });
});
