/**
 * Why a server-action request's encoded arguments cannot be decoded, or null. Next decodes them before any
 * action code runs and answers a malformed body with a 500; checked first, it is the client's 400.
 */
export async function malformedActionBody(request: Request): Promise<string | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const root = (await request.clone().formData()).get("0");
      if (typeof root === "string") JSON.parse(root);
      return null;
    }
    const text = await request.clone().text();
    if (text !== "") JSON.parse(text);
    return null;
  } catch {
    return "The action's arguments are not a valid encoded reply";
  }
}
