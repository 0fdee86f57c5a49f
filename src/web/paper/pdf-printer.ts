import { chromium, type Browser } from 'playwright-core';

// One headless Chromium per process, started on the first PDF and shared by every app built in
// the process; each app holds a lease and the browser closes when the last lease is released
// (the app's onClose hook). A crashed browser is started again on the next PDF.

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Pages printed at the same time; more wait, so a burst of requests cannot exhaust memory. */
const CONCURRENT_PAGES = 2;

let browser: Promise<Browser> | undefined;
let leases = 0;
let busy = 0;
const waiting: (() => void)[] = [];

function launch(): Promise<Browser> {
  if (!browser) {
    const started = chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    browser = started;
    started.then(
      (b) => b.on('disconnected', () => { if (browser === started) browser = undefined; }),
      () => { if (browser === started) browser = undefined; },
    );
  }
  return browser;
}

async function slot(): Promise<() => void> {
  if (busy >= CONCURRENT_PAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  busy++;
  return () => {
    busy--;
    waiting.shift()?.();
  };
}

export interface PrintOptions {
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  /** CSS lengths; the header and footer are drawn inside the top and bottom margins. */
  readonly margin: { top: string; bottom: string; left: string; right: string };
}

export interface PdfPrinter {
  print(documentHtml: string, options: PrintOptions): Promise<Buffer>;
  release(): Promise<void>;
}

/** A lease on the shared browser; call release() when the app closes. */
export function leasePdfPrinter(): PdfPrinter {
  leases++;
  let released = false;
  return {
    async print(documentHtml, options) {
      const done = await slot();
      try {
        const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          await page.setContent(documentHtml, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: options.headerTemplate,
            footerTemplate: options.footerTemplate,
            margin: options.margin,
          });
        } finally {
          await context.close();
        }
      } finally {
        done();
      }
    },
    async release() {
      if (released) return;
      released = true;
      leases--;
      if (leases > 0 || !browser) return;
      const closing = browser;
      browser = undefined;
      await (await closing.catch(() => undefined))?.close();
    },
  };
}
