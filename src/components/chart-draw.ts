/**
 * Draws one table chart with Chart.js, registered tree-shaken: only the bar controller, its
 * element, the two scales and the legend are bundled. Colours come from the site's CSS custom
 * properties and are read again whenever the theme changes (the toggle sets data-theme on <html>;
 * the system preference is followed too). Animation is off under prefers-reduced-motion.
 * Computed series are hatched, so they differ from the source's figures by more than colour.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type Plugin } from 'chart.js';
import { formatValue } from '../lib/cells/format.ts';
import type { CellType } from '../lib/cells/types.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

interface ChartData {
  categories: string[];
  axis: { type: CellType; currency?: string };
  series: { label: string; values: (number | null)[]; computed: boolean }[];
}

interface Palette {
  text: string;
  grid: string;
  series: string[];
}

/** A custom property resolved to a colour: light-dark() only resolves on a real property. */
function colour(figure: HTMLElement, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  figure.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function paletteOf(figure: HTMLElement): Palette {
  return {
    text: colour(figure, '--color-text'),
    grid: colour(figure, '--color-border'),
    series: [1, 2, 3, 4, 5, 6].map((n) => colour(figure, `--chart-${n}`)),
  };
}

/** Diagonal hatching in the series colour, for computed values. */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.strokeStyle = colour;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? colour;
}

function drawChart(figure: HTMLElement): void {
  const canvas = figure.querySelector('canvas');
  if (!canvas) return;
  figure.dataset.state = 'drawing';
  const data = JSON.parse(figure.dataset.chart ?? '{}') as ChartData;
  const format = (value: number) => formatValue(value, data.axis);
  const reduce = matchMedia('(prefers-reduced-motion: reduce)');
  let palette = paletteOf(figure);
  const font = { family: getComputedStyle(figure).fontFamily, size: 13 };

  // The figures above the bars, where they fit: a reader need not estimate from the axis.
  const valueLabels: Plugin<'bar'> = {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = palette.text;
      ctx.font = `${font.size}px ${font.family}`;
      ctx.textAlign = 'center';
      const labels = chart.data.datasets.flatMap((dataset, index) =>
        chart.getDatasetMeta(index).data.flatMap((bar, row) => {
          const value = dataset.data[row];
          if (typeof value !== 'number') return [];
          const { x, y, width } = bar.getProps(['x', 'y', 'width'], true) as { x: number; y: number; width: number };
          return [{ value, text: format(value), x, y, width }];
        }),
      );
      // All or none: a chart with some bars labelled and others not reads as if those lacked a value.
      if (labels.every((label) => ctx.measureText(label.text).width <= label.width + 6)) {
        for (const { value, text, x, y } of labels) {
          ctx.textBaseline = value < 0 ? 'top' : 'bottom';
          ctx.fillText(text, x, value < 0 ? y + 4 : y - 4);
        }
      }
      ctx.restore();
    },
    // What was drawn, for tests and tools: each series' bar heights in pixels and its colour.
    afterRender(chart) {
      figure.dataset.drawn = JSON.stringify({
        animated: chart.options.animation !== false,
        series: chart.data.datasets.map((dataset, index) => ({
          label: dataset.label,
          values: dataset.data,
          heights: chart.getDatasetMeta(index).data.map((bar) => {
            const { y, base } = bar.getProps(['y', 'base'], true) as { y: number; base: number };
            return Math.round(Math.abs(base - y));
          }),
          colour: dataset.borderColor,
        })),
      });
      figure.dataset.state = 'drawn';
    },
  };

  const datasets = () =>
    data.series.map((series, index) => {
      const colour = palette.series[index % palette.series.length]!;
      return {
        label: series.label,
        data: series.values,
        backgroundColor: series.computed ? hatch(colour) : colour,
        borderColor: colour,
        borderWidth: series.computed ? 2 : 0,
      };
    });

  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.categories, datasets: datasets() },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduce.matches ? false : { duration: 400 },
      // No tooltips or legend toggling: the table carries the figures for every reader.
      events: [],
      layout: { padding: { top: 8 } },
      color: palette.text,
      font,
      scales: {
        x: { ticks: { color: palette.text, font }, grid: { display: false }, border: { color: palette.grid } },
        y: {
          beginAtZero: true,
          grace: '12%',
          ticks: { color: palette.text, font, callback: (value) => format(Number(value)) },
          grid: { color: palette.grid },
          border: { display: false },
        },
      },
      plugins: { legend: { position: 'bottom', labels: { color: palette.text, font, boxWidth: 14, boxHeight: 14 } } },
    },
    plugins: [valueLabels],
  });

  const recolour = () => {
    palette = paletteOf(figure);
    chart.data.datasets = datasets();
    const { options } = chart;
    options.color = palette.text;
    const x = options.scales!.x!;
    const y = options.scales!.y!;
    x.ticks!.color = y.ticks!.color = palette.text;
    x.border!.color = palette.grid;
    y.grid!.color = palette.grid;
    options.plugins!.legend!.labels!.color = palette.text;
    chart.update('none');
  };
  new MutationObserver(recolour).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recolour);
  reduce.addEventListener('change', () => {
    chart.options.animation = reduce.matches ? false : { duration: 400 };
  });
}

/** Draws every figure the loader (chart-loader.ts) marked as near the viewport, now and later. */
const drawWaiting = () => {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-table-chart][data-state="near"]')) {
    try {
      drawChart(figure);
    } catch (error) {
      // The table beside it still has every figure; say why in the console and drop the frame.
      figure.dataset.state = 'failed';
      console.error('The chart could not be drawn:', error);
    }
  }
};
drawWaiting();
document.addEventListener('table-chart:near', drawWaiting);
