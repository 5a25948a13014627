export { courtVote as default } from "./court.js";
