import { ConfigurationError, readAuthConfig } from "@/lib/auth/config";

/**
 * Refuses to start on a configuration that cannot work (Supabase URL without its keys, a key without the URL, a
 * malformed hook secret): prints the reason and exits, so no request ever runs on half a provider.
 */
export function assertStartupConfig(env: NodeJS.ProcessEnv = process.env): void {
  try {
    readAuthConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`\n[config] PartnerOS cannot start: ${error.message}\n`);
    process.exit(1);
  }
}
