/** The raw text of an html`` or svg`` template's static parts, minified; as many parts. */
export function minifyHtmlTemplate(parts: readonly string[]): string[];
/** The raw text of a css`` template's static parts, minified; as many parts. */
export function minifyCssTemplate(parts: readonly string[]): string[];
