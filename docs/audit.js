// The browser half of docs/audit.sh: every page of the workbench, a screenshot and an axe-core run
// each. Arguments: the server's address, the screenshot folder, the JSON file to write.
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [base, screens, out] = process.argv.slice(2);
const pages = [
  ["zoeken", "/"],
  ["resultaten", "/search?q=terror*"],
  ["gedeeltelijk", "/search?q=cyberaanvallen+Rusland"],
  ["bedoelde-u", "/search?q=klimaatverandring"],
  ["fout-in-zoekvraag", "/search?q=%28rusland+OR"],
  ["passage", "/passage/nvs-midterm-review-2021%2354"],
  ["signalen", "/signals"],
  ["signaal", "/signal/rusland"],
  ["vergelijken", "/compare"],
  ["themas", "/themes"],
  ["nieuw", "/news?since=NVS+2019"],
  ["gefilterd", "/search?q=cyber&edition=NVS+2019&part=summary"],
  ["niet-gevonden", "/bestaat-niet"],
];

(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const results = [];
  let violations = 0;
  for (const [name, address] of pages) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1400 });
    const response = await page.goto(base + address, { waitUntil: "load" });
    await page.screenshot({ path: path.join(screens, `${name}.png`) });
    // The page's own policy forbids scripts; axe runs through the debugging protocol instead.
    await page.setBypassCSP(true);
    await page.reload({ waitUntil: "load" });
    await page.evaluate(axeSource);
    const found = await page.evaluate(async () =>
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
    );
    violations += found.violations.length;
    results.push({
      page: address,
      status: response.status(),
      violations: found.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })),
      passes: found.passes.length,
    });
    console.log(`${address.padEnd(44)} ${response.status()}  ${found.violations.length} violations, ${found.passes.length} rules passed`);
    await page.close();
  }
  await browser.close();
  const axeVersion = JSON.parse(fs.readFileSync(require.resolve("axe-core/package.json"), "utf8")).version;
  fs.writeFileSync(out, JSON.stringify({ axe: axeVersion, standard: "WCAG 2.1 A and AA", pages: results }, null, 2) + "\n");
  console.log(`axe-core ${axeVersion}: ${violations} violations on ${pages.length} pages`);
  process.exit(violations === 0 ? 0 : 1);
})();
