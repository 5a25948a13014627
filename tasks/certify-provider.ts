import { action, need, parseAddress, parseId, TaskError, type CommonArgs } from "./lib.js";

/**
 * `certify-provider --model mistral-7b-medical --provider 0x... --from marketCurator`: the market curator certifies a
 * provider serving a model as a specialist of it, so its settlements on the model earn the provider programs'
 * diversity weight (`--revoke` withdraws the certificate). `--model` is a name (hashed) or a 32-byte id; `--provider`
 * an address or a named account of the preset.
 */
export default action<CommonArgs & { model: string; provider: string; revoke: boolean }>(async (args, t) => {
  const catalog = need(t.c.modelCatalog, "model catalogue", t);
  const model = args.model.trim();
  const modelId = parseId("--model", model, "a model name");
  const provider = parseAddress("--provider", t.entry.inputs.accounts[args.provider] ?? args.provider);
  const serving = await t.read(() => catalog.servingInfo(modelId, provider));
  if (serving.since === 0n) throw new TaskError(`--provider ${provider} does not serve ${model}`);
  const certified = !args.revoke;
  if ((serving.certifiedAt !== 0n) === certified) {
    return `${provider} is already ${certified ? "certified" : "not certified"} for ${model}`;
  }
  await t.send(() => catalog.connect(t.signer).certify(modelId, provider, certified));
  return certified
    ? `Certified ${provider} for ${model}: its settlements on it earn the diversity weight from now on`
    : `Revoked ${provider}'s certificate for ${model}: its settlements on it earn no diversity weight from now on`;
});
