import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PartnerOS", template: "%s · PartnerOS" },
  description: "The partner-management platform partner leaders run their business on.",
};

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
