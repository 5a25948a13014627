import { action, eventOf, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `register-integrator` (QRY): the signer registers itself as an integrator with the subscription manager, once. A
 * sale must name a registered integrator; registering needs the integrators' pool's minimum stake, the signer's own
 * (`stake`), and a sale credits it only with that stake locked through the epoch's claim window
 * (`stake --lock-days 365`).
 */
export default action<CommonArgs>(async (_args, t) => {
  const subscriptions = need(t.c.subscriptions, "subscriptions (the QRY distribution)", t);
  const known = await subscriptions.integratorId(t.me);
  if (known !== 0n) throw new TaskError(`${t.me} is registered already, as integrator ${known}`);
  const receipt = await t.send(() => subscriptions.connect(t.signer).registerIntegrator());
  const registered = eventOf(receipt, subscriptions, "IntegratorRegistered");
  return `Registered ${t.me} as integrator ${registered.args.integratorId}: portals may now name it in a sale`;
});
