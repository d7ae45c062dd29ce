// What a strategist does in the running app, in headless Chromium: log in, click, type, read
// what the page shows. One flow per run; prints one JSON line with what it found, and saves a
// screenshot of where the flow ends.
//
//   node tests/browser/flows.mjs --url http://127.0.0.1:8621 --flow network-click \
//        --password … --out shot.png [--node "Skåne Stadsmission"] [--a … --b …]
//
// Flows: network-click (click a node of the network, land on its profile), gaps-labels (the
// heatmap's kommun labels and the list of kommuner without projects), source (click a fact's
// row on a profile, land on its document with the quote marked), refusal (wrong password,
// then a viewer on the upload page), question-kommuner, question-brokers, question-missing
// (the three strategist questions from the start page, counting the clicks).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function parseArgs(argv) {
  const args = { width: 1400, height: 1000, timeout: 120000 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) { args[key] = true; } else { args[key] = next; i++; }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const base = String(args.url).replace(/\/$/, "");
const result = { flow: args.flow, clicks: 0, externalRequests: [], exceptions: [] };
const userDataDir = mkdtempSync(join(tmpdir(), "samverkan-flow-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: args.chromium || process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: Number(args.width), height: Number(args.height) },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = context.pages()[0] || (await context.newPage());
const host = new URL(base).host;
page.on("request", (req) => {
  const u = new URL(req.url());
  if (/^(https?|wss?):$/.test(u.protocol) && u.host !== host) result.externalRequests.push(req.url());
});
const T = Number(args.timeout);

async function idle() {
  // the script run is over when the status widget no longer says "Running"
  await page.waitForSelector('[data-testid="stApp"]', { timeout: T });
  await page.waitForSelector('[data-testid="stMain"] h1', { timeout: T });   // every page has a title
  await page.waitForTimeout(700);
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="stStatusWidget"]');
    return !s || !/Running/i.test(s.textContent || "");
  }, null, { timeout: T, polling: 200 });
  await page.waitForTimeout(500);
}

async function open(path) {
  await page.goto(base + path, { waitUntil: "domcontentloaded", timeout: T });
  await idle();
}

async function login(password) {
  if (!password) return false;
  // the form follows the page's title: give it a moment to appear
  const field = await page.waitForSelector('input[type="password"]', { timeout: 8000 }).catch(() => null);
  if (!field) return false;
  await field.fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await idle();
  return true;
}

const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.innerText.trim()));

async function metrics() {
  return page.$$eval('[data-testid="stMetric"]', (els) => Object.fromEntries(els.map((e) => [
    (e.querySelector('[data-testid="stMetricLabel"]')?.innerText || "").trim(),
    (e.querySelector('[data-testid="stMetricValue"]')?.innerText || "").trim()])));
}

async function click(locator) {
  await locator.first().click();
  result.clicks += 1;
  await idle();
}

async function choose(label, text) {
  // a Streamlit selectbox: one click on it, type a part of the name, Enter
  const box = page.locator('[data-testid="stSelectbox"]').filter({ hasText: label }).first();
  await box.locator("input, [role='combobox']").first().click();
  result.clicks += 1;
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForTimeout(400);
  await page.keyboard.press("Enter");
  await idle();
}

async function graphFrame() {
  const handle = await page.waitForSelector('iframe[title*="netview"]', { timeout: T });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.samverkanNetworkReady === true, null, { timeout: T });
  return { handle, frame };
}

async function cells(index = 0) {
  return page.$$eval('[data-testid="stDataFrame"]', (grids, i) => {
    const g = grids[i];
    if (!g) return null;
    const head = [...g.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent.trim());
    const body = [...g.querySelectorAll('[role="row"]')].map((r) =>
      [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim())).filter((r) => r.length);
    return { head, rows: body };
  }, index);
}

async function alerts() {
  return {
    errors: await texts('[data-testid="stAlertContentError"]'),
    warnings: await texts('[data-testid="stAlertContentWarning"]'),
    infos: await texts('[data-testid="stAlertContentInfo"]'),
    successes: await texts('[data-testid="stAlertContentSuccess"]'),
  };
}

const flows = {
  async "network-click"() {
    await open("/natverk");
    await login(args.password);
    const { handle, frame } = await graphFrame();
    await page.waitForSelector('[data-testid="graph-legend"]', { timeout: T });
    result.metrics = await metrics();
    result.legend = (await texts('[data-testid="graph-legend"]')).join(" ");
    result.nodes = await frame.evaluate(() => window.nodes.get().map((n) => n.label));
    const id = await frame.evaluate((label) => {
      const n = window.nodes.get().find((x) => x.label === label);
      return n ? n.id : null;
    }, args.node);
    if (!id) throw new Error(`no node labelled ${args.node}`);
    const at = await frame.evaluate((i) => window.samverkanNodePosition(i), id);
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    await page.mouse.click(box.x + at.x, box.y + at.y);
    result.clicks += 1;
    await page.waitForURL(/\/profil\?/, { timeout: T });
    await idle();
    result.url = decodeURIComponent(page.url());
    result.headers = await texts("h1, h2");
  },

  async "gaps-labels"() {
    await open("/luckor");
    await login(args.password);
    await click(page.locator('[data-testid="stRadio"] label').filter({ hasText: "Kommun" }));
    await page.waitForSelector(".js-plotly-plot .xtick text", { timeout: T });
    await page.waitForTimeout(1500);
    result.ticks = await page.$$eval(".js-plotly-plot", (plots) =>
      [...plots[0].querySelectorAll(".xtick text")].map((t) => t.textContent));
    result.metrics = await metrics();
    result.without = await cells(0);
  },

  async source() {
    await open("/profil?uid=" + encodeURIComponent(args.uid || "skåne-stadsmission"));
    await login(args.password);
    const grid = page.locator('[data-testid="stDataFrame"]').first();
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    await page.mouse.click(box.x + 18, box.y + 35 + 17);   // the first row's selection cell
    result.clicks += 1;
    await page.waitForURL(/\/kalla\?/, { timeout: T });
    await idle();
    result.url = decodeURIComponent(page.url());
    result.headers = await texts("h1, h2, h3");
    result.chosen = await texts('[data-testid="source-excerpt"] mark');
    result.marks = (await texts('[data-testid="source-text"] mark')).length;
    await page.locator('[data-testid="source-excerpt"]').first().scrollIntoViewIfNeeded();
  },

  async refusal() {
    await open("/ladda");
    result.loginForm = Boolean(await page.waitForSelector('input[type="password"]', { timeout: 8000 })
      .catch(() => null));
    await login("fel-lösenord");
    result.wrong = await alerts();
    await login(args.password);
    result.url = decodeURIComponent(page.url());
    result.headers = await texts("h1");
    result.alerts = await alerts();
    result.uploader = Boolean(await page.$('[data-testid="stFileUploader"]'));
    result.buttons = await texts('[data-testid="stMain"] button');
    result.sidebar = await texts('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]');
  },

  async "question-kommuner"() {
    await open("/");
    await login(args.password);
    result.clicks = 0;
    await click(page.getByText("Vilka kommuner i ett län saknar projekt för en målgrupp?"));
    result.url = decodeURIComponent(page.url());
    result.metrics = await metrics();
    result.without = await cells(0);
    await page.locator("h3").filter({ hasText: "Kommuner utan projekt" }).first().scrollIntoViewIfNeeded();
  },

  async "question-brokers"() {
    await open("/");
    await login(args.password);
    result.clicks = 0;
    await click(page.getByText("Vem förmedlar kontakt mellan två aktörer?"));
    await choose("Från aktör", args.a);
    await choose("Till aktör", args.b);
    result.url = decodeURIComponent(page.url());
    result.alerts = await alerts();
    result.paragraphs = await texts('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p');
    result.brokers = await cells(0);
  },

  async "question-missing"() {
    await open("/");
    await login(args.password);
    result.clicks = 0;
    await click(page.getByText("Vilka arbetar med samma målgrupp på samma plats utan att samverka?"));
    await choose("Län", args.lan || "Skåne");
    result.url = decodeURIComponent(page.url());
    result.metrics = await metrics();
    result.pairs = await cells(0);
  },
};

try {
  if (!flows[args.flow]) throw new Error(`no flow ${args.flow}; known: ${Object.keys(flows).join(", ")}`);
  await flows[args.flow]();
  result.exceptions = await texts('[data-testid="stException"]');
  if (args.out) await page.screenshot({ path: args.out, fullPage: Boolean(args.full) });
  result.ok = true;
} catch (err) {
  result.ok = false;
  result.error = String(err && err.message ? err.message : err).split("\n")[0];
  result.url = page.url();
  if (args.out) await page.screenshot({ path: args.out }).catch(() => {});
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
