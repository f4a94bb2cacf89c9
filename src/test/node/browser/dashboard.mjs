// The dashboard in a real browser: Debian's Chromium driven by playwright-core (no browser is
// ever downloaded). Run by DashboardBrowserTests:
//   node browser/dashboard.mjs <base URL> <admin key> <read-only key> <task zip> <screenshot dir>
// Prints "ok <step>" per step passed; any failure exits non-zero with the reason.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, adminKey, readKey, zip, shots] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "edgecoord-chromium-")); // a new, empty profile each run
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
const requests = [];
try {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on("pageerror", error => errors.push(error.message));
  page.on("request", request => requests.push(request.url()));
  const shot = name => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const step = name => console.log(`ok ${name}`);

  async function signIn(key) {
    await page.goto(`${base}/`);
    await page.fill("[data-testid=key]", key);
    await page.click("[data-testid=sign-in] button[type=submit]");
    await page.waitForSelector("[data-testid=caller]");
  }

  let started = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector("[data-testid=key]");
  console.log(`sign-in page usable after ${Date.now() - started} ms (first load)`);
  await signIn(adminKey);
  started = Date.now();
  await page.reload();
  await page.waitForSelector("[data-testid=health] ul");
  await page.waitForSelector("[data-testid=chart-invocationsPerSecond] figcaption");
  console.log(`overview usable after ${Date.now() - started} ms (reload, signed in)`);
  const health = await page.textContent("[data-testid=health]");
  for (const part of ["docker", "db", "diskSpace", "mqtt"]) {
    if (!health.includes(part)) throw new Error(`the overview's health shows no ${part}: ${health}`);
  }
  await shot("overview");
  step("sign in");

  await page.goto(`${base}/#/tasks`);
  await page.fill("[data-testid=deploy] input[name=name]", "e2e-hello");
  await page.fill("[data-testid=deploy] input[name=handler]", "handler.handle");
  await page.setInputFiles("[data-testid=deploy] input[name=code]", zip);
  await page.click("[data-testid=deploy-button]");
  const deployed = await page.textContent("[data-testid=deployed]");
  if (!deployed.includes("Deployed e2e-hello version 1")) throw new Error(`deploy said: ${deployed}`);
  await shot("tasks");
  step("deploy a task from a zip");

  await page.click("[data-testid=deployed] a");
  await page.fill("[data-testid=payload]", '{"name": "browser"}');
  await page.click("[data-testid=invoke-button]");
  await page.waitForSelector("[data-testid=result]");
  const result = JSON.parse(await page.textContent("[data-testid=result]"));
  if (result.hello !== "browser") throw new Error(`invoke answered ${JSON.stringify(result)}`);
  await shot("task");
  step("invoke and see the result");

  // A call that prints a line every half second: its log must grow on the page while it runs.
  await page.fill("[data-testid=payload]", '{"name": "slow", "steps": 8}');
  await page.check("[data-testid=invoke] input[name=async]");
  await page.click("[data-testid=invoke-button]");
  await page.click("[data-testid=invocation-link]");
  await page.waitForFunction(() => document.querySelector("[data-testid=log]")?.textContent.includes("step 1"));
  const whileRunning = await page.textContent("[data-testid=log-state]");
  if (!whileRunning.startsWith("Running")) throw new Error(`the log showed step 1 only once "${whileRunning}"`);
  await shot("invocation-running");
  await page.waitForFunction(() => document.querySelector("[data-testid=log-state]")?.textContent === "Ended.");
  const log = await page.textContent("[data-testid=log]");
  if (!log.includes("step 7")) throw new Error(`the log ended as: ${log}`);
  await shot("invocation");
  step("follow a running call's log live");

  // A device polled every second from the simulator: its reported state changes on the page.
  await page.goto(`${base}/#/devices/hall-1`);
  await page.waitForFunction(() => document.querySelector("[data-testid=reported]")?.textContent.includes("temperature"));
  const before = await page.textContent("[data-testid=reported]");
  await page.waitForFunction(previous => {
    const now = document.querySelector("[data-testid=reported]")?.textContent;
    return now && now.includes("temperature") && now !== previous;
  }, before, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector("[data-testid=readings-table]")?.textContent.includes("temperature"));
  await shot("device");
  step("see a device's shadow change when its simulator changes a value, and its last readings");

  await page.goto(`${base}/#/invocations?task=e2e-hello&window=60`);
  await page.waitForSelector("[data-testid=invocations] tbody tr");
  const windowed = await page.textContent("[data-testid=invocations]");
  if (!windowed.includes("e2e-hello")) throw new Error(`the last hour's invocations showed: ${windowed}`);
  if ((await page.inputValue("select[name=window]")) !== "60") throw new Error("the time filter was not kept");
  step("filter invocations by time");

  for (const name of ["invocations", "environments", "scheduler", "devices", "subscriptions"]) {
    await page.goto(`${base}/#/${name}`);
    await page.waitForSelector(`section[data-page=${name}] h1`);
    await shot(name);
  }
  step("every page shows");

  await page.click("[data-testid=sign-out]");
  await signIn(readKey);
  await page.goto(`${base}/#/tasks`);
  await page.waitForSelector("[data-testid=tasks]");
  if (await page.$("[data-testid=deploy-button]")) throw new Error("a read-only key sees the deploy button");
  await page.goto(`${base}/#/tasks/e2e-hello`);
  await page.waitForSelector("[data-testid=versions]");
  if (await page.$("[data-testid=deploy-button]") || await page.$("[data-testid=invoke-button]")) {
    throw new Error("a read-only key sees deploy or invoke on a task");
  }
  await shot("tasks-read-only");
  step("a read-only key sees no deploy button");

  const foreign = requests.filter(url => !url.startsWith(base) && !url.startsWith("data:"));
  if (foreign.length) throw new Error(`the page fetched from elsewhere: ${foreign.join(", ")}`);
  if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
  step("nothing fetched from elsewhere, no errors in the page");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
