export { challenge as default } from "./court.js";
