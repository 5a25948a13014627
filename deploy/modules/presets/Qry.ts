import { QRY } from "../../../presets/qry/index.js";
import { buildPresetModule } from "./build.js";

/** The Qry preset (presets/qry/index.ts) wired and handed to governance: see build.ts. */
export default buildPresetModule(QRY);
