export { decide as default } from "./court.js";
