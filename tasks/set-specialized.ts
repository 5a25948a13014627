import { id, isHexString } from "ethers";

import { action, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `set-specialized --model mistral-7b-medical --from marketCurator`: the market curator marks a listed model
 * specialized, so settlements on it earn the provider programs' diversity weight (`--clear` removes the mark).
 * `--model` is a name (hashed) or a 32-byte id.
 */
export default action<CommonArgs & { model: string; clear: boolean }>(async (args, t) => {
  const catalog = need(t.c.modelCatalog, "model catalogue", t);
  const model = args.model.trim();
  if (model === "") throw new TaskError("--model is required (a model name or its 32-byte id)");
  const modelId = isHexString(model, 32) ? model : id(model);
  const info = await t.read(() => catalog.modelInfo(modelId));
  if (!info.listed) throw new TaskError(`--model ${model}: no such model is listed`);
  const specialized = !args.clear;
  if (info.specialized === specialized) {
    return `${model} is already ${specialized ? "specialized" : "not specialized"}`;
  }
  await t.send(() => catalog.connect(t.signer).setSpecialized(modelId, specialized));
  return specialized
    ? `Marked ${model} specialized: settlements on it earn the diversity weight from now on`
    : `Cleared ${model}'s specialized mark: settlements on it earn no diversity weight from now on`;
});
