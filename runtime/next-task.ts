// Waiting for the event loop's next turn, in Node and in pages: setImmediate where there is one,
// else a MessageChannel message (a page's setTimeout(0) waits at least 4 ms once nested).
export function nextTask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => immediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // (a page's MessagePort; Node's types describe worker_threads' instead)
    const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
    port.onmessage = () => {
      port.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
