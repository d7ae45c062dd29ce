// Time how long headless Chromium takes to draw the app's network view (the HTML that
// app_pages/graphview.to_html embeds in the Network page) from navigation to a drawn canvas.
//
//   node bench/render.mjs --url http://127.0.0.1:PORT/graph.html --chromium /usr/bin/chromium --runs 3
//
// Prints one JSON line: per run the milliseconds to `window.samverkanNetworkReady`
// (vis-network has built its DataSets and drawn once), the vis DataSet sizes, and how many
// canvas pixels are not white.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("../tests/browser/node_modules/playwright-core");

const args = { runs: 3, timeout: 300000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
const runs = Number(args.runs);
const out = { url: args.url, runs: [] };
const userDataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: args.chromium || process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  for (let r = 0; r < runs; r++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(args.url, { waitUntil: "domcontentloaded", timeout: Number(args.timeout) });
    await page.waitForFunction(() => window.samverkanNetworkReady === true, null,
                               { timeout: Number(args.timeout), polling: 50 });
    const ms = Date.now() - t0;
    const info = await page.evaluate(() => {
      const c = document.querySelector("canvas");
      let nonBlank = 0;
      if (c) {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) nonBlank++;
      }
      return { nodes: typeof nodes !== "undefined" ? nodes.length : null,
               edges: typeof edges !== "undefined" ? edges.length : null, nonBlank };
    });
    out.runs.push({ ms, ...info });
    await page.close();
  }
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e).slice(0, 500);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
