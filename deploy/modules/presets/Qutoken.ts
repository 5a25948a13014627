import { QUTOKEN } from "../../../presets/qutoken/index.js";
import { buildPresetModule } from "./build.js";

/** The Qutoken preset (presets/qutoken/index.ts) wired and handed to governance: see build.ts. */
export default buildPresetModule(QUTOKEN);
