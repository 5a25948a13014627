import { TOY } from "../../../presets/toy/index.js";
import { buildPresetModule } from "./build.js";

/** The toy economy (presets/toy/index.ts) wired and handed to governance: see build.ts. */
export default buildPresetModule(TOY);
