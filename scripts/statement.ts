/**
 * A per-account statement for tax reporting: every payment, fee, reward, burn and slash that touched one account in
 * one preset, read from the contracts' events, with the USD value used where the preset has a price source (the
 * lending preset's oracle router), written as CSV and Markdown (scripts/lib/statement.ts says what is read).
 *
 *   npm run statement                                         QUIVer on the in-process devnet, a sample account
 *   STATEMENT_PRESET=qerun npm run statement                  Qerun's borrower, USD from the oracle router
 *   STATEMENT_ACCOUNT=0x... npm run statement -- --network localhost     a deployed preset (npm run deploy)
 *
 * STATEMENT_PRESET: quiver | qerun | qry | qutoken (default quiver). STATEMENT_ACCOUNT: the account (on the in-process
 * devnet, default: the scenario's sample account). STATEMENT_FROM_BLOCK / STATEMENT_TO_BLOCK: the range (default: the
 * whole chain). STATEMENT_DIR: where the files go (default reports), as statement-<preset>-<account>.csv and .md.
 *
 * On a network with an address book (deployments/<network>.json) the preset is read from it; on the in-process
 * network without one, the preset is deployed and its demo scenario (scripts/demo/<preset>.ts) is run first, so the
 * sample account has something to report. The `statement` task (tasks/statement.ts) does the same for a deployed
 * network only.
 */
import { Wallet, id } from "ethers";
import { network } from "hardhat";

import type { SystemId } from "../presets/types/preset.js";
import { createContext, newSection, type DeployedPreset, type Scenario } from "./demo/context.js";
import qerun from "./demo/qerun.js";
import qry from "./demo/qry.js";
import quiver from "./demo/quiver.js";
import qutoken from "./demo/qutoken.js";
import { addressBookPath, readAddressBook } from "./lib/address-book.js";
import { main, UserError } from "./lib/cli.js";
import { deployLendingDevnetExternals } from "./lib/deploy.js";
import { deployPreset, devnetInputs, presetContracts, PRESETS } from "./lib/presets.js";
import {
  buildStatement,
  checkStatementInputs,
  StatementInputError,
  summaryText,
  writeStatement,
} from "./lib/statement.js";

/** The demo actor each preset's statement shows by default on the in-process devnet. */
const SAMPLE: Record<SystemId, { scenario: () => Scenario; actor: string }> = {
  quiver: { scenario: quiver, actor: "QUIVer provider C" },
  qerun: { scenario: qerun, actor: "Qerun borrower" },
  qry: { scenario: qry, actor: "QRY provider" },
  qutoken: { scenario: qutoken, actor: "Acme Coffee (issuer)" },
};

await main(async () => {
  const env = process.env;
  const names = {
    preset: "STATEMENT_PRESET",
    account: "STATEMENT_ACCOUNT",
    from: "STATEMENT_FROM_BLOCK",
    to: "STATEMENT_TO_BLOCK",
  };
  const presetName = env.STATEMENT_PRESET || "quiver";
  const dir = env.STATEMENT_DIR || "reports";
  const connection = await network.create();
  const { ethers, networkHelpers } = connection;
  try {
    // Check what can be checked before anything is deployed (a sample address stands in for an unset account).
    const probe = env.STATEMENT_ACCOUNT || Wallet.createRandom().address;
    const unbounded = Number.MAX_SAFE_INTEGER;
    checkStatementInputs(presetName, probe, env.STATEMENT_FROM_BLOCK, env.STATEMENT_TO_BLOCK, unbounded, names);

    const system = presetName as SystemId;
    const preset = PRESETS[system];
    const book = await readAddressBook(connection.networkName);
    let addresses = book?.presets[system]?.complete ? book.presets[system].contracts : undefined;
    let stable = book?.presets[system]?.inputs.lending?.stable;
    let account = env.STATEMENT_ACCOUNT;
    let namedAccounts: Record<string, string> = {};
    if (addresses === undefined) {
      if (connection.networkConfig.type !== "edr-simulated") {
        throw new UserError(
          `${preset.name} is not deployed on ${connection.networkName} (${addressBookPath(connection.networkName)}): ` +
            `run npm run deploy -- --network ${connection.networkName} first`,
        );
      }
      const sample = SAMPLE[system];
      console.log(`Deploying ${preset.name} to the in-process devnet and running its demo scenario ...`);
      const externals = await deployLendingDevnetExternals(connection);
      const start = BigInt(await networkHelpers.time.latest()) + 3_600n;
      const inputs = { ...(await devnetInputs(connection, preset, externals.addresses)), start };
      addresses = await deployPreset(connection, preset, inputs);
      stable = inputs.lending?.stable;
      namedAccounts = inputs.accounts;
      const deployed: DeployedPreset = { preset, inputs, addresses, c: await presetContracts(connection, addresses) };
      const ctx = createContext(
        connection,
        { [system]: deployed } as Record<SystemId, DeployedPreset>,
        externals,
        start,
      );
      await ctx.at(0n);
      const scenario = sample.scenario();
      const section = newSection(system, scenario.title);
      await scenario.run(ctx, section);
      await scenario.epilogue?.(ctx, section);
      await networkHelpers.mine();
      console.log(`  ${section.steps.length} transactions`);
      account ||= new Wallet(id(`tokenomics-kit demo actor: ${sample.actor}`)).address;
      if (!env.STATEMENT_ACCOUNT) console.log(`  sample account: ${sample.actor} ${account}`);
    } else if (!account) {
      throw new UserError(`${names.account} is required on ${connection.networkName} (an address)`);
    }

    const inputs = checkStatementInputs(
      presetName,
      account,
      env.STATEMENT_FROM_BLOCK,
      env.STATEMENT_TO_BLOCK,
      await ethers.provider.getBlockNumber(),
      names,
    );
    const entry = book?.presets[system];
    const labels = entry?.complete ? entry.inputs.accounts : namedAccounts;
    const statement = await buildStatement(connection, addresses, { ...inputs, stable, labels });
    const files = await writeStatement(statement, dir, preset.name);
    console.log(`\n${summaryText(statement, preset.name)}`);
    console.log(`Written to ${files.csv} and ${files.md}`);
  } catch (error) {
    if (error instanceof StatementInputError) throw new UserError(error.message);
    throw error;
  }
});
