import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import { appUrl } from "@/lib/env";
import "./globals.css";

const description = "The partner-management platform partner leaders run their business on.";

/**
 * Icons, the Open Graph image and robots.txt are files (app/icon.svg, app/favicon.ico, app/apple-icon.png,
 * app/opengraph-image.png, public/robots.txt) that Next links itself. metadataBase makes those links
 * absolute for link previews; it is read per request so the running server's APP_URL counts, not the build's.
 */
export function generateMetadata(): Metadata {
  return {
    metadataBase: appUrl(),
    applicationName: "PartnerOS",
    title: { default: "PartnerOS", template: "%s · PartnerOS" },
    description,
    openGraph: { type: "website", siteName: "PartnerOS", title: "PartnerOS", description, locale: "en" },
    twitter: { card: "summary_large_image", title: "PartnerOS", description },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Reading the request's nonce renders every page per request, which a nonce needs (a static page has none). */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
