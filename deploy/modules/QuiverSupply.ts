import { quiverSupply } from "../../presets/quiver/supply.js";
import { buildSupplyModule } from "./Supply.js";

/** The QUIVer supply (presets/quiver/supply.ts): genesis of 1B QUIV, vesting, provider-rewards emission. */
export default buildSupplyModule(quiverSupply);
