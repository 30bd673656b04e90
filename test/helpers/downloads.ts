/** A file the page handed the browser to download: the link's name and the blob behind its object URL. */
export interface Download {
  fileName: string;
  blob: Blob;
}

/**
 * Records the page's downloads instead of letting the browser make them: the blob behind each object URL, and the
 * link's name when it is clicked (not followed). Returns the list, filled as downloads come, and the undo.
 */
export function captureDownloads(): { downloads: Download[]; restore: () => void } {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const { createObjectURL, revokeObjectURL } = URL;
  const { click } = HTMLAnchorElement.prototype;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  };
  const restore = (): void => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    HTMLAnchorElement.prototype.click = click;
  };
  return { downloads, restore };
}

/** A downloaded CSV file's text, its byte order mark kept (a plain TextDecoder drops it). */
export async function csvOf(download: Download): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await download.blob.arrayBuffer());
}

/** Today's date in the user's time zone as YYYY-MM-DD, as the export names its file. */
export function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
