/**
 * What this machine charges for memory the process has not touched before, in microseconds per 4 KB page: a
 * 64 MB buffer is made and one byte written in each of its pages (median of three). Writing memory already
 * touched costs next to nothing; the first write to a page goes through the operating system (and, in a virtual
 * machine, often the hypervisor), which maps it. A collection that moves surviving objects into pages not used
 * before, and a table that grows into a new buffer, pay this for each page, so it is recorded with the machine's
 * figures: results from machines that charge differently do not compare.
 */
export function firstTouchMicrosPerPage(): number {
  const PAGE = 4096;
  const BYTES = 64 * 2 ** 20;
  const timings: number[] = [];
  for (let run = 0; run < 3; run++) {
    const buffer = new Uint8Array(BYTES);
    const start = performance.now();
    for (let at = 0; at < BYTES; at += PAGE) buffer[at] = 1;
    timings.push(((performance.now() - start) * 1000) / (BYTES / PAGE));
  }
  timings.sort((a, b) => a - b);
  return Math.round(timings[1] * 100) / 100;
}
