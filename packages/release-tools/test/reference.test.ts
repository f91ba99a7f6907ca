// The published HTML reference (@seedance/openapi's dist/reference.html) in Chromium with every
// request outside the page itself refused: it must make none, render every operation of the spec,
// and its search must answer.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { type Chromium, launchChromium } from "@seedance/testkit/chromium";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const reference = require.resolve("@seedance/openapi/reference.html");
const spec = JSON.parse(readFileSync(require.resolve("@seedance/openapi/openapi.json"), "utf8"));

interface Operation {
  method: string;
  path: string;
  summary: string;
}
const operations: Operation[] = Object.entries<Record<string, { summary: string }>>(spec.paths).flatMap(
  ([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, summary: operation.summary })),
);

let browser: Chromium;
let page: Page;
/** Every request the page tried outside its own file, refused. */
const outside: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await browser.context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort("internetdisconnected");
  });
  page = await browser.context.newPage();
  await page.goto(pathToFileURL(reference).href);
  await page.getByText("Data retention").first().waitFor();
}, 60_000);
afterAll(() => browser?.close());

it("renders every operation of the spec, with its method and path", async () => {
  expect(operations.length).toBeGreaterThan(3);
  for (const { method, path, summary } of operations) {
    // The navigation lists an operation under its tag once the tag is opened.
    const link = page.locator(`a[href^="#/"]`, { hasText: summary }).first();
    if ((await link.count()) === 0) {
      for (const tag of spec.tags as { name: string }[]) {
        await page.locator(`a[href="/${tag.name.toLowerCase()}"]`).first().click();
        if ((await link.count()) > 0) break;
      }
    }
    await link.click();
    await expect.poll(() => page.locator("#redoc").textContent(), { timeout: 10_000 }).toContain(path);
    const shown = await page.locator("#redoc").textContent();
    expect(shown, summary).toContain(summary);
    expect(shown, summary).toMatch(new RegExp(`${method}\\s*${path.replace(/[{}]/g, "\\$&")}`));
  }
}, 60_000);

it("finds an operation with its search", async () => {
  // A fresh page, where no tag is open, so the operation's summary can only come from the search.
  await page.goto(pathToFileURL(reference).href);
  await page.getByText("Data retention").first().waitFor();
  const summary = operations.find(({ path }) => path.includes("/tasks/"))?.summary ?? "?";
  expect(await page.getByText(summary).count()).toBe(0);
  await page.getByText("Search", { exact: false }).first().click();
  await page.getByPlaceholder("Search docs...").fill("task");
  await page.getByText(summary).first().waitFor({ state: "visible", timeout: 10_000 });
  expect(await page.getByText(/^Loading/).count()).toBe(0);
}, 30_000);

it("makes no request to any other host", () => {
  expect(outside).toEqual([]);
});
