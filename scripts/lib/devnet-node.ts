/**
 * A `hardhat node` the devnet scripts start and stop themselves (`npm run devnet`, `npm run walkthrough`), and the
 * Hardhat CLI run against it as a user runs it.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export interface Node {
  process: ChildProcess;
  url: string;
  /** Stops the node. */
  stop(): Promise<void>;
}

/**
 * Starts `hardhat node --network <network>` on `port` (`null`: Hardhat's default network, no flag) and waits until it
 * answers.
 */
export async function startNode(
  port: number,
  env: NodeJS.ProcessEnv,
  network: string | null = "devnet",
): Promise<Node> {
  const url = `http://127.0.0.1:${port}`;
  const networkArgs = network === null ? [] : ["--network", network];
  const child = spawn(process.execPath, ["node_modules/.bin/hardhat", "node", ...networkArgs, "--port", String(port)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const r = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the node did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { process: child, url, stop };
}

/** Runs the Hardhat CLI with `args`; output goes to this process's. Resolves with the exit code. */
export function hardhat(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["node_modules/.bin/hardhat", ...args], { env }, (error) =>
      resolve(error === null ? 0 : Number(error.code ?? 1)),
    );
    child.stdout!.pipe(process.stdout);
    child.stderr!.pipe(process.stderr);
  });
}
