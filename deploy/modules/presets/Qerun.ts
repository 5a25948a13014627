import { QERUN } from "../../../presets/qerun/index.js";
import { buildPresetModule } from "./build.js";

/** The Qerun preset (presets/qerun/index.ts) wired and handed to governance: see build.ts. */
export default buildPresetModule(QERUN);
