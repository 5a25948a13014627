import { formatUnits } from "ethers";

import { ROLES } from "../lib/roles.js";
import {
  action,
  ensureAllowance,
  eventOf,
  need,
  parseAddress,
  parseAmount,
  parseCount,
  TaskError,
  type CommonArgs,
} from "./lib.js";

interface SubscribeArgs extends CommonArgs {
  client: string;
  integrator: string;
  monthly: string;
  epochs: string;
}

/**
 * `subscribe --client 0x... --integrator 0x... --monthly 100 --epochs 12`: a portal (DISTRIBUTION_PORTAL, granted by
 * the registrar) sells a client a subscription and pays `monthly x epochs` QRY up front (approved here). The portal
 * and the integrator are credited in their square-root pools for the epoch it is paid in. The integrator must have
 * registered (`register-integrator`).
 */
export default action<SubscribeArgs>(async (args, t) => {
  const subscriptions = need(t.c.subscriptions, "subscriptions (the QRY distribution)", t);
  const client = parseAddress("--client", args.client);
  const integrator = parseAddress("--integrator", args.integrator);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const monthly = parseAmount("--monthly", args.monthly, decimals);
  const max = await subscriptions.MAX_PREPAID_EPOCHS();
  const epochs = parseCount("--epochs", args.epochs, 1n, max);
  const minimum = await subscriptions.minMonthlyPay();
  if (monthly < minimum) {
    throw new TaskError(
      `--monthly ${args.monthly} is below the minimum monthly pay, ${formatUnits(minimum, decimals)} ${symbol}`,
    );
  }
  const [isPortal] = await t.c.manager.hasRole(ROLES.DISTRIBUTION_PORTAL, t.me);
  if (!isPortal) {
    throw new TaskError(
      `${t.me} is not a portal: the registrar grants DISTRIBUTION_PORTAL (role ${ROLES.DISTRIBUTION_PORTAL})`,
    );
  }
  if ((await subscriptions.integratorId(integrator)) === 0n) {
    throw new TaskError(
      `integrator ${integrator} is not registered: it registers itself once, staked (register-integrator --from ...)`,
    );
  }
  const total = monthly * epochs;
  await ensureAllowance(t, t.c.token, await subscriptions.getAddress(), total, () =>
    subscriptions.connect(t.signer).subscribe.staticCall(client, integrator, monthly, epochs),
  );
  const receipt = await t.send(() => subscriptions.connect(t.signer).subscribe(client, integrator, monthly, epochs));
  const sold = eventOf(receipt, subscriptions, "Subscribed");
  const f = (v: bigint) => formatUnits(v, decimals);
  return (
    `Sold subscription ${sold.args.id} to ${client} (integrator ${integrator}): ${f(monthly)} ${symbol} a month for ` +
    `${epochs} epochs, ${f(total)} ${symbol} paid; active epochs ${sold.args.startEpoch} to ${sold.args.paidThrough}`
  );
});
