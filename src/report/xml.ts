/** Characters XML 1.0 cannot carry at all, even escaped. */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside an XML element. */
export function escapeXml(text: string): string {
  return text.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text safe inside a double-quoted attribute; line breaks are kept as character references. */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
