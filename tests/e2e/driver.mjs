// Starting the app under tauri-driver and measuring it from outside.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import net from "node:net";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const { remote } = await import(pathToFileURL(require.resolve("webdriverio")).href);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

/** Starts tauri-driver; the app it starts uses the database at `databasePath`
 *  (the driver passes its environment down to the app). */
export async function startDriver(databasePath) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, JV_STUDIO_DB: databasePath },
  });
  await waitForPort(port, 10_000);
  return { driver, port };
}

/** Starts the app (with `args` on its command line); returns the WebDriver session and
 *  the start time. */
export async function openApp(port, args = []) {
  const application = process.env.JV_STUDIO_BIN;
  if (!application) throw new Error("JV_STUDIO_BIN must point to the built jv-studio binary");
  const startedAt = performance.now();
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    capabilities: { "tauri:options": { application, args } },
  });
  return { browser, startedAt };
}

/** Proportional set size (kB) of a process: its private pages plus its share of pages
 *  mapped by several processes (WebKit's libraries are counted once, not per process). */
function pssKiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory (MiB) of the app and the WebKit processes it started: the sum of
 *  their RSS (shared libraries counted in every process) and of their PSS. */
export function residentMemoryMiB(appName = "jv-studio") {
  const pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  const info = new Map();
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "";
      const ppid = /^PPid:\s+(\d+)$/m.exec(status)?.[1] ?? "";
      const rss = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
      info.set(pid, { name, ppid, rss });
    } catch {
      // The process ended while we read.
    }
  }
  const app = [...info.entries()].filter(([, p]) => p.name === appName).map(([pid]) => pid);
  const family = new Set(app);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of info) {
      if (!family.has(pid) && family.has(p.ppid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  const byName = {};
  let total = 0;
  let pss = 0;
  for (const pid of family) {
    const { name, rss } = info.get(pid);
    byName[name] = Math.round((byName[name] ?? 0) + rss / 1024);
    total += rss / 1024;
    pss += pssKiB(pid) / 1024;
  }
  return { rssMiB: Math.round(total), pssMiB: Math.round(pss), rssByProcessMiB: byName };
}

/** A PNG of the whole (virtual) screen, as the user sees it. WebDriver's own screenshot
 *  needs GPU compositing, which the app turns off on Linux (src-tauri/src/webview.rs). */
export async function screenshot(path) {
  // Let the last change paint.
  await sleep(150);
  execFileSync("import", ["-window", "root", path]);
}

/** The element with `data-testid="id"`. */
export const $ = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** The element with `data-testid="id"`, once it is displayed. */
export async function shown(browser, id, timeout = 10_000) {
  const element = await $(browser, id);
  await element.waitForDisplayed({ timeout });
  return element;
}
