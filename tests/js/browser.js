// Opens an HTML report in headless Chromium (Debian's, driven by
// playwright-core) and prints, as JSON, what a reader would see:
//   node tests/js/browser.js JS_DIR CHROMIUM graph.html [screenshot.png]
// the drawn actors, those whose label leaves the frame, pairs of labels that
// overlap, and how many actors a filter fades. Used by tests/cli.rs; `bash
// .ci/run` installs playwright-core under target/js and chromium from Debian.
const path = require("path");
const { chromium } = require(path.join(path.resolve(process.argv[2]), "node_modules", "playwright-core"));

(async () => {
  const browser = await chromium.launch({
    executablePath: process.argv[3],
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const errors = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", e => errors.push(String(e)));
  await page.goto("file://" + path.resolve(process.argv[4]));
  const seen = await page.evaluate(() => {
    const frame = document.getElementById("drawing").getBoundingClientRect();
    const labels = [...document.querySelectorAll("#drawing g.node text")].map(t => {
      const r = t.getBoundingClientRect();
      return { name: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const outside = labels.filter(l => l.left < frame.left - 0.5 || l.right > frame.right + 0.5
      || l.top < frame.top - 0.5 || l.bottom > frame.bottom + 0.5).map(l => l.name);
    const overlaps = [];
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i], b = labels[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
        overlaps.push([a.name, b.name]);
      }
    }
    return { drawn: labels.length, outside, overlaps, legend: !!document.querySelector("#drawing g.legend") };
  });
  // A filter changes what is drawn: the first drawn actor's name in the actor box.
  const first = await page.evaluate(() => document.querySelector("#drawing g.node").getAttribute("data-actor"));
  await page.fill("#q", first);
  seen.dimmed = await page.evaluate(() => document.querySelectorAll("#drawing g.node.dim").length);
  await page.fill("#q", "");
  seen.dimmed_after_clearing = await page.evaluate(() => document.querySelectorAll("#drawing g.node.dim").length);
  // Unticking places fades every drawn place.
  await page.uncheck("input.type[value=place]");
  seen.places_left = await page.evaluate(() => [...document.querySelectorAll("#drawing g.node:not(.dim)")]
    .filter(g => g.querySelector("polygon")).length);
  await page.check("input.type[value=place]");
  // A date range keeps only the relations of articles dated in it.
  const rows = () => page.evaluate(() => document.querySelectorAll("#relations tbody tr").length);
  seen.relations = await rows();
  await page.fill("#since", "2025-01-01");
  seen.relations_since_2025 = await rows();
  await page.fill("#since", "");
  if (process.argv[5]) await page.screenshot({ path: process.argv[5], fullPage: false });
  seen.errors = errors;
  await browser.close();
  process.stdout.write(JSON.stringify(seen) + "\n");
})().catch(e => { console.error(e); process.exit(1); });
