import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { expect } from "chai";

const run = promisify(execFile);

/** The main job (`npm run demo`) must keep working: run it as a user would and read its report. */
describe("demo (the main job)", function () {
  this.timeout(120_000);

  it("deploys, exercises the suite and prints its figures", async function () {
    const { stdout } = await run(
      process.execPath,
      ["node_modules/.bin/hardhat", "run", "--no-compile", "scripts/demo.ts"],
      {
        env: { ...process.env, HARDHAT_DISABLE_TELEMETRY: "true" },
      },
    );
    expect(stdout).to.match(/ProtocolToken 0x[0-9a-fA-F]{40}/);
    expect(stdout).to.match(/total burned\s*│\s*'2,500 '/);
    expect(stdout).to.match(/total supply\s*│\s*'999,997,500 '/);
    expect(stdout).to.match(/alice votes at snapshot\s*│\s*'50,000 '/);
    expect(stdout).to.contain("Minting after genesis refused: yes (AccessManagedUnauthorized)");
  });
});
