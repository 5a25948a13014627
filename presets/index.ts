import { QERUN } from "./qerun/index.js";
import { QRY } from "./qry/index.js";
import { QUIVER } from "./quiver/index.js";
import { QUTOKEN } from "./qutoken/index.js";
import type { SystemId, SystemPreset } from "./types/preset.js";

/** The four system presets, validated at load. */
export const PRESETS: Record<SystemId, SystemPreset> = { quiver: QUIVER, qerun: QERUN, qry: QRY, qutoken: QUTOKEN };
