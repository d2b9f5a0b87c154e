import type { Metadata } from "next";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Grantdesk",
  description: "Govern your organization's fine-grained personal access tokens.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // While a modal dialog is open the page behind it does not scroll (the gutter stays, so
    // nothing shifts sideways).
    <html lang="en" className="has-[dialog:modal]:overflow-hidden has-[dialog:modal]:[scrollbar-gutter:stable]">
      <body className="min-h-screen bg-white text-zinc-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
