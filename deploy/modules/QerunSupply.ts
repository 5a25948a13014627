import { qerunSupply } from "../../presets/qerun/supply.js";
import { buildSupplyModule } from "./Supply.js";

/** The Qerun supply (presets/qerun/supply.ts): fixed supply minted at launch, vesting, liquidity stream. */
export default buildSupplyModule(qerunSupply);
