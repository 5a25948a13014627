import { PRESETS } from "../scripts/lib/presets.js";
import {
  buildStatement,
  checkStatementInputs,
  StatementInputError,
  summaryText,
  writeStatement,
} from "../scripts/lib/statement.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

/**
 * `statement --account 0x... [--from-block N] [--to-block M] [--dir reports]`: writes the account's statement of
 * payments, fees, rewards, burns and slashes in the preset (CSV and Markdown, scripts/lib/statement.ts) and prints
 * its totals per kind. Reads events only; sends nothing. The account defaults to the signer (`--from`).
 */
export default action<CommonArgs & { account: string; fromBlock: string; toBlock: string; dir: string }>(
  async (args, t) => {
    const latest = await t.connection.ethers.provider.getBlockNumber();
    let inputs: ReturnType<typeof checkStatementInputs>;
    try {
      inputs = checkStatementInputs(t.system, args.account || t.me, args.fromBlock, args.toBlock, latest, {
        preset: "--preset",
        account: "--account",
        from: "--from-block",
        to: "--to-block",
      });
    } catch (error) {
      if (error instanceof StatementInputError) throw new TaskError(error.message);
      throw error;
    }
    const statement = await buildStatement(t.connection, t.entry.contracts, {
      ...inputs,
      stable: t.entry.inputs.lending?.stable,
      labels: t.entry.inputs.accounts,
    });
    const name = PRESETS[t.system].name;
    const files = await writeStatement(statement, args.dir || "reports", name);
    return `${summaryText(statement, name)}\nWritten to ${files.csv} and ${files.md}`;
  },
);
