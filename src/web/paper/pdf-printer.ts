import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// One headless Chromium per process, started on the first PDF and shared by every app built in
// the process; each app holds a lease and the browser closes when the last lease is released
// (the app's onClose hook). A crashed browser is started again on the next PDF.
//
// Pages run no script and may not use the network, so a page keeps nothing of one document but
// the document itself, which the next setContent replaces: idle pages are reused, which saves
// starting a renderer (about 0.2 s) per PDF.

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Pages printed at the same time; more wait, so a burst of requests cannot exhaust memory. */
const CONCURRENT_PAGES = 2;

interface Engine {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly idle: Page[];
}

let engine: Promise<Engine> | undefined;
let leases = 0;
let busy = 0;
const waiting: (() => void)[] = [];

function start(): Promise<Engine> {
  if (!engine) {
    const started = (async (): Promise<Engine> => {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      return { browser, context, idle: [] };
    })();
    engine = started;
    started.then(
      (e) => e.browser.on('disconnected', () => { if (engine === started) engine = undefined; }),
      () => { if (engine === started) engine = undefined; },
    );
  }
  return engine;
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
        const { context, idle } = await start();
        const page = idle.pop() ?? (await context.newPage());
        try {
          await page.setContent(documentHtml, { waitUntil: 'load' });
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: options.headerTemplate,
            footerTemplate: options.footerTemplate,
            margin: options.margin,
          });
          idle.push(page);
          return pdf;
        } catch (error) {
          await page.close().catch(() => undefined);
          throw error;
        }
      } finally {
        done();
      }
    },
    async release() {
      if (released) return;
      released = true;
      leases--;
      if (leases > 0 || !engine) return;
      const closing = engine;
      engine = undefined;
      await (await closing.catch(() => undefined))?.browser.close();
    },
  };
}
