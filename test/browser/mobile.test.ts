/** A 390 px wide phone: no route of either site scrolls sideways, with JavaScript on (after any redraw) or off. */
import { describe, expect, test } from "vitest";
import { SITES } from "./routes.ts";
import { expectDuckdbReady, useBrowser, usesDuckdb } from "./site.ts";

const PHONE = { width: 390, height: 844 };

describe.each(await SITES())("$key", ({ key, routes }) => {
  const session = useBrowser(key);

  describe.each([true, false])("JavaScript on: %s", (js) => {
    test.each(routes)("/%s fits 390 px without horizontal scroll", async (route) => {
      const { page } = await session.open(route, { js, viewport: PHONE });
      if (js && (await usesDuckdb(page))) await expectDuckdbReady(page);
      const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        // Name the element sticking out furthest, so a failure says what to fix.
        let widest = "";
        let right = root.clientWidth;
        for (const el of document.body.querySelectorAll("*")) {
          const r = el.getBoundingClientRect().right;
          if (r > right) {
            right = r;
            widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""} (right edge ${Math.round(r)} px)`;
          }
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
      });
      expect(scrollWidth, `scrollWidth ≤ clientWidth; widest: ${widest}`).toBeLessThanOrEqual(clientWidth);
    });
  });
});
