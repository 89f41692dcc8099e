/** What a status attachment may be: at most 10 MB, one of a few office and image types, checked by content. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

interface FileKind {
  ext: readonly string[];
  contentType: string;
  matches: (bytes: Uint8Array) => boolean;
}

const starts = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;

function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(
      sample.length < bytes.length ? sample.subarray(0, lastCompleteIndex(sample)) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** A cut sample may split a multi-byte character: decode up to the last ASCII byte. */
function lastCompleteIndex(sample: Uint8Array): number {
  for (let i = sample.length - 1; i >= 0; i -= 1) if (sample[i]! < 0x80) return i + 1;
  return 0;
}

const KINDS: readonly FileKind[] = [
  { ext: ["pdf"], contentType: "application/pdf", matches: (b) => starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    ext: ["png"],
    contentType: "image/png",
    matches: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { ext: ["jpg", "jpeg"], contentType: "image/jpeg", matches: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  {
    ext: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    matches: (b) => starts(b, ZIP),
  },
  {
    ext: ["xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    matches: (b) => starts(b, ZIP),
  },
  {
    ext: ["pptx"],
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    matches: (b) => starts(b, ZIP),
  },
  { ext: ["csv"], contentType: "text/csv", matches: isText },
  { ext: ["txt"], contentType: "text/plain", matches: isText },
];

export const ALLOWED_EXTENSIONS = KINDS.flatMap((k) => k.ext);

export type UploadCheck = { ok: true; contentType: string; fileName: string } | { ok: false; error: string };

/** Decides from the name's extension and the first bytes; the browser's declared type is never trusted. */
export function checkUpload(fileName: string, bytes: Uint8Array): UploadCheck {
  const name = fileName.trim().replace(/[\\/]/g, "_").slice(-200);
  if (!name) return { ok: false, error: "The file needs a name" };
  if (bytes.length === 0) return { ok: false, error: "The file is empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return {
      ok: false,
      error: `The file is ${(bytes.length / 1048576).toFixed(1)} MB; attachments can be at most 10 MB`,
    };
  }
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind)
    return {
      ok: false,
      error: `“.${ext || "?"}” files cannot be attached. Allowed: ${ALLOWED_EXTENSIONS.join(", ")}`,
    };
  if (!kind.matches(bytes)) return { ok: false, error: `The file's content is not a valid .${ext} file` };
  return { ok: true, contentType: kind.contentType, fileName: name };
}
