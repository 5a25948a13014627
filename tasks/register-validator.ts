export { registerValidator as default } from "./court.js";
