// Renders each page of the built dashboard in headless Chromium (Debian's, driven
// by puppeteer-core), saves a full-page PNG, and compares the figures the page
// shows (elements with a data-check attribute) with the answers SQL gave.
//   node check.mjs BASE_URL OUTDIR EXPECTED.json
// EXPECTED.json: {"page": {"check-name": "value", ...}, ...}; page "index" is
// BASE_URL/index.html.  Prints one line per figure; exits 1 on any mismatch,
// on a page that shows an error, or on a request to anywhere but BASE_URL's
// host (the browser is also told that no other host exists).
import puppeteer from "puppeteer-core";
import {readFileSync, mkdirSync} from "node:fs";

const [base, outdir, expectedFile] = process.argv.slice(2);
if (!base || !outdir || !expectedFile) {
  console.error("usage: node check.mjs BASE_URL OUTDIR EXPECTED.json");
  process.exit(2);
}
const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
const host = new URL(base).host;
mkdirSync(outdir, {recursive: true});

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--metrics-recording-only", "--disable-default-apps",
         `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(base).hostname}`],
  defaultViewport: {width: 1280, height: 900}
});
let failed = 0;
const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim().replace(/(?<=\d),(?=\d{3}\b)/g, "");
try {
  for (const [name, figures] of Object.entries(expected)) {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (!["data:", "blob:"].includes(u.protocol) && u.host !== host) problems.push(`request to ${r.url()}`);
    });
    const url = `${base.replace(/\/$/, "")}/${name}.html`;
    await page.goto(url, {waitUntil: "networkidle0", timeout: 120000});
    // wait until every figure is rendered (Framework fills them in client-side)
    await page.waitForFunction((keys) => keys.every((k) => {
      const e = document.querySelector(`[data-check="${k}"]`);
      return e && e.textContent.trim() !== "" && !e.querySelector(".observablehq--loading");
    }), {timeout: 120000}, Object.keys(figures)).catch(() => problems.push("figures did not render within 120 s"));
    // grow the window to the whole page, let the charts redraw, then take the picture
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewport({width: 1280, height: Math.min(Math.max(height, 900), 12000)});
    await new Promise((r) => setTimeout(r, 1500));
    const shown = await page.evaluate((keys) => Object.fromEntries(keys.map((k) =>
      [k, document.querySelector(`[data-check="${k}"]`)?.textContent ?? null])), Object.keys(figures));
    const errors = await page.$$eval(".observablehq--error", (es) => es.map((e) => e.textContent.trim()));
    for (const e of errors) problems.push(`cell error: ${e}`);
    await page.screenshot({path: `${outdir}/${name}.png`});
    for (const [k, want] of Object.entries(figures)) {
      const ok = norm(shown[k]) === norm(want);
      if (!ok) failed++;
      console.log(`${ok ? "ok      " : "MISMATCH"} ${name}: ${k} shown ${JSON.stringify(norm(shown[k]))}, SQL says ${JSON.stringify(norm(want))}`);
    }
    for (const p of problems) { failed++; console.log(`FAIL     ${name}: ${p}`); }
    console.log(`         ${name}: ${outdir}/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
