/**
 * Issuer tokens as the tasks name them: `--token` is a token's address or its symbol (the newest token of that
 * symbol created by the preset's factory, read from its TokenCreated events).
 */
import { isAddress } from "ethers";

import { need, parseAddress, TaskError, type TaskContext } from "./lib.js";

/** The issuer token `--token` names, connected for reading (connect the signer to send). */
export async function issuerTokenOf(t: TaskContext, value: string) {
  const factory = need(t.c.issuerTokenFactory, "issuer token factory (Qutoken)", t);
  if (value === "") throw new TaskError("--token is required (an issuer token's address or symbol)");
  let address: string;
  if (isAddress(value)) {
    address = parseAddress("--token", value);
  } else {
    const created = await factory.queryFilter(factory.filters.TokenCreated());
    const match = created.filter((e) => e.args.config.symbol === value).pop();
    if (match === undefined) throw new TaskError(`--token ${value}: no issuer token with that symbol on this factory`);
    address = match.args.token;
  }
  if (!(await factory.isIssuerToken(address))) {
    throw new TaskError(`--token ${address} is not an issuer token of this preset's factory`);
  }
  return t.connection.ethers.getContractAt("IssuerToken", address);
}
