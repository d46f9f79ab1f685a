// Loads an HTML report in jsdom (a standards DOM with a script engine), runs
// its script, and prints what the page shows as JSON:
//   node tests/js/report.js JSDOM_DIR graph.html [filter text]
// Used by tests/cli.rs; `bash .ci/run` installs jsdom under target/js.
const path = require("path");
const { JSDOM, VirtualConsole } = require(path.join(path.resolve(process.argv[2]), "node_modules", "jsdom"));
const fs = require("fs");
const errors = [];
const console_ = new VirtualConsole().on("jsdomError", e => errors.push(String(e)));
const dom = new JSDOM(fs.readFileSync(process.argv[3], "utf8"), { runScripts: "dangerously", virtualConsole: console_ });
const d = dom.window.document;
const count = sel => d.querySelectorAll(sel).length;
const report = {
  errors,
  actors: count("#actors tbody tr"),
  relations: count("#relations tbody tr"),
  circles: count("#drawing g.node"),
  dimmed: 0,
  scripts: count("script"),
  injected: count("body img, body b, body iframe"),
};
if (process.argv[4] !== undefined) {
  const q = d.getElementById("q");
  q.value = process.argv[4];
  q.dispatchEvent(new dom.window.Event("input"));
  report.filtered_actors = count("#actors tbody tr");
  report.filtered_relations = count("#relations tbody tr");
  report.dimmed = count("#drawing g.node.dim");
}
process.stdout.write(JSON.stringify(report) + "\n");
