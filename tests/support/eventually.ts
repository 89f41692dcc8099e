/** Retries an assertion until it passes or `ms` have passed (then its last failure is thrown). */
export async function eventually(check: () => void, ms = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
