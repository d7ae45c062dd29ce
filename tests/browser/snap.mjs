// Open a page of the running Streamlit app in headless Chromium, wait until it has
// rendered, optionally check the vis-network canvas inside the graph iframe, and save
// a screenshot. Prints one JSON line with what it found.
//
//   node tests/browser/snap.mjs --url http://127.0.0.1:8501/natverk --out shot.png --canvas
//
// Options: --url, --out, --canvas (check the graph canvas), --plot (wait for a plotly
// chart), --password (log in first), --width/--height (viewport), --full (full-page
// screenshot), --timeout ms,
// --chromium path (default /usr/bin/chromium or $CHROMIUM).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function parseArgs(argv) {
  const args = { width: 1400, height: 1000, timeout: 120000 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) {
      args[key] = true;
    } else {
      args[key] = /^\d+$/.test(next) ? Number(next) : next;
      i++;
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const executablePath = args.chromium || process.env.CHROMIUM || "/usr/bin/chromium";
const userDataDir = mkdtempSync(join(tmpdir(), "samverkan-chromium-"));
const result = { url: args.url, out: args.out, externalRequests: [], consoleErrors: [], failedRequests: [] };

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: args.width, height: args.height },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const appHost = new URL(args.url).host;
  page.on("request", (req) => {
    const u = new URL(req.url());
    if ((u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:") && u.host !== appHost) {
      result.externalRequests.push(req.url());
    }
  });
  page.on("response", (res) => {
    if (res.status() >= 400) result.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") result.consoleErrors.push(msg.text().slice(0, 300));
  });
  await page.goto(args.url, { waitUntil: "domcontentloaded", timeout: args.timeout });
  await page.waitForSelector('[data-testid="stApp"]', { timeout: args.timeout });
  // wait for the script run to finish: the status widget shows "Running" meanwhile
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="stStatusWidget"]');
    return !s || !/Running/i.test(s.textContent || "");
  }, null, { timeout: args.timeout, polling: 250 });
  await page.waitForSelector('[data-testid="stMainBlockContainer"], section.main', { timeout: args.timeout });
  if (args.password) {
    // a shared app asks for the password first (app_pages/auth.py)
    await page.waitForSelector('[data-testid="stMain"] h1', { timeout: args.timeout });
    // the form follows the title: give it a moment to appear
    const field = await page.waitForSelector('input[type="password"]', { timeout: 8000 }).catch(() => null);
    if (field) {
      await field.fill(String(args.password));
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.waitForTimeout(1000);
    }
  }
  await page.waitForTimeout(1500);
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="stStatusWidget"]');
    return !s || !/Running/i.test(s.textContent || "");
  }, null, { timeout: args.timeout, polling: 250 });

  const exc = await page.$$eval('[data-testid="stException"]', (els) => els.map((e) => e.textContent.slice(0, 500)));
  result.exceptions = exc;
  result.errors = await page.$$eval('[data-testid="stAlertContentError"]', (els) => els.map((e) => e.textContent));

  if (args.canvas) {
    const handle = await page.waitForSelector("iframe", { timeout: args.timeout });
    const frame = await handle.contentFrame();
    await frame.waitForFunction(() => window.samverkanNetworkReady === true, null, { timeout: args.timeout });
    await frame.waitForSelector("canvas", { timeout: args.timeout });
    await page.waitForTimeout(1000);
    result.canvas = await frame.evaluate(() => {
      const c = document.querySelector("canvas");
      const ctx = c.getContext("2d");
      const { width, height } = c;
      let nonBlank = 0;
      if (width && height) {
        const data = ctx.getImageData(0, 0, width, height).data;
        for (let i = 0; i < data.length; i += 4) {
          const a = data[i + 3], r = data[i], g = data[i + 1], b = data[i + 2];
          if (a > 0 && !(r > 245 && g > 245 && b > 245)) nonBlank++;
        }
      }
      return { width, height, nonBlank, nodes: window.nodes ? window.nodes.length : null };
    });
    await handle.scrollIntoViewIfNeeded();
  }
  if (args.plot) {
    await page.waitForSelector(".js-plotly-plot .main-svg, .js-plotly-plot canvas", { timeout: args.timeout });
    await page.waitForTimeout(2500);
    result.plots = await page.$$eval(".js-plotly-plot", (els) => els.length);
  }
  if (args.out) {
    await page.screenshot({ path: args.out, fullPage: Boolean(args.full) });
  }
  result.ok = true;
} catch (err) {
  result.ok = false;
  result.error = String(err && err.message ? err.message : err).split("\n")[0];
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
