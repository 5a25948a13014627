import { qrySupply } from "../../presets/qry/supply.js";
import { buildSupplyModule } from "./Supply.js";

/** The QRY supply (presets/qry/supply.ts): fair launch, the emission controller mints into the reward pools. */
export default buildSupplyModule(qrySupply);
