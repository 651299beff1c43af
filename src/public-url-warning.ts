/** True for a URL only this machine can open: a QR code pointing there works for nobody else. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\./.test(host);
}

/**
 * The start-up warning about `PUBLIC_URL`, or undefined: in production it must be https, since it is the
 * address printed in QR codes and the `Secure` flag of cookies depends on it.
 */
export function publicUrlWarning(config: {
  publicUrl: string;
  NODE_ENV?: string | undefined;
}): string | undefined {
  if (config.NODE_ENV !== "production" || config.publicUrl.startsWith("https://")) return undefined;
  return `PUBLIC_URL is ${config.publicUrl}, not https: QR codes and links will point there and cookies are not marked Secure. Set PUBLIC_URL=https://… (in the environment or .env).`;
}

/** The warning a poster-printing CLI gives before printing QR codes nobody can open, or undefined. */
export function posterUrlWarning(publicUrl: string): string | undefined {
  if (!isLocalUrl(publicUrl)) return undefined;
  return `Warning: PUBLIC_URL is ${publicUrl}; the QR codes on these posters open only on this computer. Set PUBLIC_URL (in the environment or .env) to the server's public address, as the server uses.`;
}
