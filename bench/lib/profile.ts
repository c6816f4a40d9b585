import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** A stretch of a run, in microseconds of the machine's monotonic clock (V8 stamps its samples with the same clock). */
export type ProfileWindow = { name: string; from: number; to: number };

/** Now on the clock V8's CPU profiles use (CLOCK_MONOTONIC, shared by every process of the machine). */
export function monotonicMicroseconds(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Where a V8 CPU profile (node --cpu-prof) spent its time: self time by package (or by file
 * of this repository) and the top functions, of the whole run or of some windows of it. Idle time
 * is left out, so shares are of busy time.
 */
export function summarizeProfile(file: string, top = 15, windows?: ProfileWindow[]): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (windows && !windows.some((w) => at >= w.from && at <= w.to)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });

  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += us;
    const place = placeOf(frame.url, frame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const lines = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [`busy ${(busy / 1e6).toFixed(1)} s; self time by place:`, ...lines(byPlace), 'top functions (self time):', ...lines(byFunction)].join('\n');
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(src\/.*)$/.exec(url);
  return own ? own[1]! : url;
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src\/)/, '$1');
}
