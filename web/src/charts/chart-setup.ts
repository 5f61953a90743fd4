// Chart.js, registered piece by piece so the bundle carries only the chart types the page draws,
// and coloured from the page's CSS variables so light and dark schemes both read well.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
);

export { Chart };

/** A colour from the stylesheet (custom property name without the leading dashes). */
export function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#888';
}

/** Applies the current scheme's text and grid colours to every chart default. */
export function applyThemeDefaults(): void {
  Chart.defaults.color = themeColor('text-muted');
  Chart.defaults.borderColor = themeColor('grid');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
}

/** Keeps charts readable when the user switches between light and dark. */
export function redrawOnSchemeChange(redraw: () => void): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', () => {
    applyThemeDefaults();
    redraw();
  });
}

/**
 * Destroys the charts drawn inside `container`, to call before emptying it: Chart.js keeps every
 * chart in Chart.instances (with its listeners) until destroy(), even after its canvas is gone.
 */
export function destroyChartsIn(container: Element): void {
  for (const canvas of container.querySelectorAll('canvas')) Chart.getChart(canvas)?.destroy();
}

/** The number of charts alive, read from Chart.js's own registry. */
export function liveChartCount(): number {
  return Object.keys(Chart.instances).length;
}

/** Replaces whatever chart a canvas holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any chart type may be drawn
export function replaceChart<T extends Chart<any, any, any>>(canvas: HTMLCanvasElement, make: () => T): T {
  Chart.getChart(canvas)?.destroy();
  return make();
}
