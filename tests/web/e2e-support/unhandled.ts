// Records what a page leaves unhandled: uncaught exceptions (playwright's pageerror) and promise
// rejections nobody handled (an `unhandledrejection` listener installed before the page's own
// scripts run, so none slips by). Pass `watch` to openPlayground as its `prepare` step.
import type { Page } from 'playwright-core';

export interface UnhandledWatch {
  watch(page: Page): Promise<void>;
  /** Everything recorded so far, as readable lines. */
  seen(page: Page): Promise<string[]>;
}

declare global {
  interface Window {
    unhandledRejections?: string[];
  }
}

export function unhandledWatch(): UnhandledWatch {
  const pageErrors: string[] = [];
  return {
    async watch(page) {
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      await page.addInitScript(() => {
        window.unhandledRejections = [];
        window.addEventListener('unhandledrejection', (event) => {
          const reason: unknown = event.reason;
          window.unhandledRejections?.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
        });
      });
    },
    async seen(page) {
      const rejections = await page.evaluate(() => window.unhandledRejections ?? ['the rejection listener was not installed']);
      return [...pageErrors, ...rejections.map((r) => `unhandled rejection: ${r}`)];
    },
  };
}
