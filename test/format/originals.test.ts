import { expect, test } from "vitest";
import { originalHref } from "../../src/format/url.ts";
import { formatBytes } from "../../src/format/zh.ts";

test("an original's URL keeps its folders and escapes each name", () => {
  expect(originalHref("/kanban/", "2024/临湘市 科技局.docx")).toBe("/kanban/originals/2024/%E4%B8%B4%E6%B9%98%E5%B8%82%20%E7%A7%91%E6%8A%80%E5%B1%80.docx");
  expect(originalHref("/", "a#b.pdf")).toBe("/originals/a%23b.pdf");
});

test("file sizes read as people say them", () => {
  expect(formatBytes(812)).toBe("812 字节");
  expect(formatBytes(48_213)).toBe("47.1 KB");
  expect(formatBytes(3_500_000)).toBe("3.3 MB");
});
