// Cutting one page off the network in a meeting e2e, and putting it back:
//
// * its WebSocket: the page is sent to a TCP proxy of ours instead of the gateway (its /client-config
//   answer is rewritten), and the proxy resets every connection through it and refuses new ones while
//   cut — both the browser and the server see the socket die, as when a network goes away;
// * its WebRTC media: an nftables table drops the UDP between the page's ICE ports (both peer
//   connections, read from getStats()) and the server's media port, both ways (on input, so the
//   sender sees no error: a black hole, not a refusal).
//
// nft needs root. Nothing is skipped silently: without root or without nft the test fails and says why.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import type { Page } from '@playwright/test';

type Proc = { getuid?: () => number; pid: number; kill: (pid: number, sig: number) => void };
const proc = (globalThis as unknown as { process: Proc }).process;

/** A TCP proxy to the realtime gateway that can be cut: existing connections reset, new ones refused. */
export class CuttableProxy {
  private readonly server = net.createServer((client) => this.accept(client));
  private readonly sockets = new Set<net.Socket>();
  private cut = false;

  private constructor(private readonly host: string, private readonly targetPort: number) {}

  static async start(target: URL): Promise<CuttableProxy> {
    const p = new CuttableProxy(target.hostname, Number(target.port || 80));
    await new Promise<void>((resolve, reject) => { p.server.once('error', reject); p.server.listen(0, '127.0.0.1', () => resolve()); });
    return p;
  }

  get port(): number { return (this.server.address() as net.AddressInfo).port; }

  private accept(client: net.Socket) {
    if (this.cut) { client.resetAndDestroy(); return; }
    const upstream = net.connect(this.targetPort, this.host);
    for (const [s, other] of [[client, upstream], [upstream, client]] as const) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('data', (d) => { if (!other.destroyed) other.write(d); });
      s.on('error', () => { if (!other.destroyed) other.resetAndDestroy(); });
      s.on('close', () => { this.sockets.delete(s); if (!other.destroyed) other.destroy(); });
    }
  }

  /** Resets every connection through the proxy (both ends see it) and refuses new ones until restore(). */
  sever() {
    this.cut = true;
    for (const s of this.sockets) s.resetAndDestroy();
  }

  restore() { this.cut = false; }

  close(): Promise<void> {
    this.sever();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Sends the page's realtime connection through a new proxy to the gateway its /client-config names
 * (the answer is rewritten to name the proxy instead).
 */
export async function proxyGatewayOf(page: Page): Promise<CuttableProxy> {
  const config = await page.request.get('/api/v1/client-config');
  const real = new URL((await config.json()).gatewayUrl);
  const proxy = await CuttableProxy.start(real);
  await page.route('**/api/v1/client-config', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    const via = new URL(json.gatewayUrl);
    via.hostname = '127.0.0.1';
    via.port = String(proxy.port);
    json.gatewayUrl = via.toString();
    await route.fulfill({ response, json });
  });
  return proxy;
}

/** The UDP ports of the page's live peer connections (their selected candidate pairs) and the server's media port. */
export async function icePorts(page: Page): Promise<{ local: number[]; remote: number[] }> {
  return page.evaluate(async () => {
    const local = new Set<number>(), remote = new Set<number>();
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((s: Record<string, unknown>) => stats.set(String(s.id), s));
      for (const t of stats.values()) {
        if (t.type !== 'transport' || !t.selectedCandidatePairId) continue;
        const pair = stats.get(String(t.selectedCandidatePairId));
        const l = pair && stats.get(String(pair.localCandidateId));
        const r = pair && stats.get(String(pair.remoteCandidateId));
        if (l?.port) local.add(Number(l.port));
        if (r?.port) remote.add(Number(r.port));
      }
    }
    return { local: [...local], remote: [...remote] };
  });
}

const TABLE_PREFIX = 'queqiao_e2e_';

function nft(args: string[], input?: string): string {
  return execFileSync('nft', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Fails with a clear message unless this process may change nftables; clears tables left by dead runs. */
export function requireFirewall() {
  if (proc.getuid && proc.getuid() !== 0) {
    throw new Error('meeting-reconnect.spec.ts cuts a page off with nftables and must run as root (it is not skipped on purpose)');
  }
  let tables: string;
  try {
    tables = nft(['list', 'tables']);
  } catch (e) {
    throw new Error(`meeting-reconnect.spec.ts needs nft (Debian package nftables, installed by .ci/run): ${(e as Error).message}`);
  }
  for (const m of tables.matchAll(new RegExp(`table inet (${TABLE_PREFIX}(\\d+))`, 'g'))) {
    let alive = true;
    try { proc.kill(Number(m[2]), 0); } catch { alive = false; }
    if (!alive) nft(['delete', 'table', 'inet', m[1]]);
  }
}

/** Drops the UDP between `local` ports and `remote` ports, both ways, until the returned function is called. */
export function dropUdp(local: number[], remote: number[]): () => void {
  if (!local.length || !remote.length) throw new Error(`no ICE ports to cut (local ${local}, remote ${remote})`);
  const table = `${TABLE_PREFIX}${proc.pid}`;
  const set = (ports: number[]) => `{ ${ports.join(', ')} }`;
  nft(['-f', '-'], `table inet ${table} {
  chain cut {
    type filter hook input priority -10; policy accept;
    udp sport ${set(local)} udp dport ${set(remote)} drop
    udp sport ${set(remote)} udp dport ${set(local)} drop
  }
}
`);
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    nft(['delete', 'table', 'inet', table]);
  };
}
