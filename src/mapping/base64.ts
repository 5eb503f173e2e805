/** UTF-8 text as base64 and back, with the platform's `btoa`/`atob` (browsers and Node alike). */

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** Bytes (a PDF) as base64, in chunks so a large document does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The text, or undefined when `data` is not base64 of UTF-8. */
export function base64ToText(data: string): string | undefined {
  try {
    const binary = atob(data);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not base64, or not UTF-8: the caller reports it as not understood.
    return undefined;
  }
}
