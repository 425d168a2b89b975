import type JSZip from 'jszip';

/**
 * A part of a zip package (a workbook, a Word document) inflated against a budget: streamed, and
 * stopped once over it, so that a part that inflates to gigabytes is told before it is loaded.
 */

interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** A part's inflated bytes, stopped once over `limit`; each chunk's text to `scan` (a worksheet's merges). */
export function inflate(file: JSZip.JSZipObject, limit: number, scan?: (text: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const decoder = new TextDecoder('utf-8');
    // A merge reference cut between two chunks is read whole with the next one.
    let tail = '';
    const stream = (file as unknown as { internalStream(t: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        n += chunk.length;
        if (scan) {
          const text = tail + decoder.decode(chunk, { stream: true });
          scan(text);
          tail = text.slice(-200);
        }
        if (n > limit) {
          stream.pause();
          resolve(n);
        }
      })
      .on('end', () => resolve(n))
      .on('error', reject)
      .resume();
  });
}
