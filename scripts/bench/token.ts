import { parseEther } from "ethers";

import { deployToken } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");

/** ERC20 transfer between two existing holders, neither delegated. */
export const tokenCases: BenchCase[] = [
  {
    module: "token",
    action: "transfer (to an existing holder)",
    prepare: async (connection) => {
      const [deployer, alice, bob] = await connection.ethers.getSigners();
      const { manager, token } = await deployToken(connection, { name: "QUIVer", symbol: "QUIV", cap: CAP });
      await manager.grantRole(ROLES.MINTER, deployer.address, 0);
      await token.mint(alice.address, parseEther("1000"));
      await token.mint(bob.address, parseEther("1000"));
      return {
        send: () => token.connect(alice).transfer(bob.address, parseEther("10")),
        // Two balances rewritten, the two delegates read (ERC20Votes must know whose votes move), one Transfer log.
        floor: { nonZeroToNonZero: 2, coldReads: 2, logs: [{ topics: 3, dataBytes: 32 }] },
      };
    },
    reference: {
      name: "OpenZeppelin ERC20",
      prepare: async (connection) => {
        const [, alice, bob] = await connection.ethers.getSigners();
        const reference = await connection.ethers.deployContract("ReferenceERC20", [alice.address, parseEther("1000")]);
        const asAlice = reference.connect(alice) as typeof reference;
        await asAlice.getFunction("transfer")(bob.address, parseEther("100"));
        return {
          send: () => asAlice.getFunction("transfer")(bob.address, parseEther("10")),
          floor: { nonZeroToNonZero: 2, logs: [{ topics: 3, dataBytes: 32 }] },
        };
      },
    },
  },
];
