import { QUIVER } from "../../../presets/quiver/index.js";
import { buildPresetModule } from "./build.js";

/** The Quiver preset (presets/quiver/index.ts) wired and handed to governance: see build.ts. */
export default buildPresetModule(QUIVER);
