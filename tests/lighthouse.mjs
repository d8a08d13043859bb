// Lighthouse (npm `lighthouse`, pinned in package-lock.json) on a list of pages, in ONE
// Chromium for all of them, so auditing many pages costs one browser start.
//
//   node tests/lighthouse.mjs OUT.json URL...
//
// Chromium is $CHROME_PATH (Debian's /usr/bin/chromium in CI), headless, without sandbox.
// For each URL, OUT.json holds the category scores (0-100) and every audit that scored
// below 1, with the items it flagged, so a failing test can say what to fix.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["accessibility", "best-practices", "seo"];
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function failures(lhr) {
  return Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .filter((audit) => !["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode))
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      items: ((audit.details && audit.details.items) || []).slice(0, 5).map((item) =>
        JSON.stringify(item).slice(0, 300)),
    }));
}

async function main() {
  const [out, ...urls] = process.argv.slice(2);
  if (!out || urls.length === 0) {
    console.error("usage: node tests/lighthouse.mjs OUT.json URL...");
    process.exit(2);
  }
  const chrome = await chromeLauncher.launch({ chromeFlags: FLAGS, logLevel: "silent" });
  const results = {};
  try {
    for (const url of urls) {
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      const lhr = runner.lhr;
      const scores = {};
      for (const id of CATEGORIES) scores[id] = Math.round(lhr.categories[id].score * 100);
      results[url] = { scores, failures: failures(lhr), error: lhr.runtimeError || null };
      console.error(`lighthouse: ${url} ${JSON.stringify(scores)}`);
    }
  } finally {
    await chrome.kill();
  }
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
