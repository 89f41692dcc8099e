import { describe, expect, test } from "vitest";
import { checkUpload, MAX_ATTACHMENT_BYTES } from "@/lib/storage/validate";
import { addWeeks, complianceOf, deadlineOf, weekStartOf } from "@/lib/status/week";

describe("status weeks", () => {
  test.each([
    ["2026-11-16T00:00:00Z", "2026-11-16"],
    ["2026-11-22T23:59:59Z", "2026-11-16"],
    ["2026-11-23T00:00:00Z", "2026-11-23"],
    ["2027-01-01T12:00:00Z", "2026-12-28"],
  ])("%s belongs to the week of %s", (at, monday) => {
    expect(weekStartOf(new Date(at))).toBe(monday);
  });

  test("the deadline is Friday 17:00 UTC; after it a missing status is missing, a submission late", () => {
    expect(deadlineOf("2026-11-16").toISOString()).toBe("2026-11-20T17:00:00.000Z");
    expect(addWeeks("2026-11-16", -1)).toBe("2026-11-09");
    const before = new Date("2026-11-20T16:00:00Z");
    const after = new Date("2026-11-20T18:00:00Z");
    expect(complianceOf("2026-11-16", null, before)).toBe("pending");
    expect(complianceOf("2026-11-16", null, after)).toBe("missing");
    expect(complianceOf("2026-11-16", before, after)).toBe("submitted");
    expect(complianceOf("2026-11-16", after, after)).toBe("late");
  });
});

describe("attachment checks", () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  const zip = bytes(0x50, 0x4b, 0x03, 0x04, 0x14);
  test.each([
    ["plan.pdf", new TextEncoder().encode("%PDF-1.4 ..."), "application/pdf"],
    ["chart.PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["photo.jpeg", bytes(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
    ["notes.docx", zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["numbers.csv", new TextEncoder().encode("a,b\n1,2\n"), "text/csv"],
    ["readme.txt", new TextEncoder().encode("héllo"), "text/plain"],
  ])("%s is accepted as %s", (name, content, type) => {
    expect(checkUpload(name, content)).toEqual({ ok: true, contentType: type, fileName: name });
  });

  test.each([
    ["setup.exe", bytes(0x4d, 0x5a), /“\.exe” files cannot be attached/],
    ["noextension", bytes(1), /“\.\?” files cannot be attached/],
    ["fake.pdf", bytes(0x89, 0x50, 0x4e, 0x47), /not a valid \.pdf file/],
    ["binary.txt", bytes(0x41, 0x00, 0x42), /not a valid \.txt file/],
    ["empty.pdf", bytes(), /The file is empty/],
    ["huge.pdf", new Uint8Array(MAX_ATTACHMENT_BYTES + 1), /at most 10 MB/],
  ])("%s is refused", (name, content, message) => {
    const result = checkUpload(name, content);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});
