import { action, need, parseId, TaskError, type CommonArgs } from "./lib.js";

const CLASSES = ["small", "medium", "large"];

/**
 * `list-model --model llama-3-8b-instruct --complexity small`: an active provider lists a model in the catalogue
 * (and serves it); the model id is the keccak-256 of the name, or a 32-byte id as given.
 */
export default action<CommonArgs & { model: string; complexity: string }>(async (args, t) => {
  const catalog = need(t.c.modelCatalog, "model catalogue (the market)", t);
  const modelId = parseId("--model", args.model, "a model name");
  const complexity = CLASSES.indexOf(args.complexity);
  if (complexity < 0)
    throw new TaskError(`--complexity must be one of ${CLASSES.join(", ")}, got "${args.complexity}"`);
  await t.send(() => catalog.connect(t.signer).listModel(modelId, complexity));
  return `Listed model ${args.model} (${modelId}, ${args.complexity}) served by ${t.me}`;
});
