import { Image, createCanvas } from '@napi-rs/canvas';
import * as echarts from 'echarts';
import { compareChartOption } from './compare-chart-option.js';
import type { CompareChart } from './compare-series.js';

export const CHART_SIZE = { width: 960, height: 520 };

/** The Compare chart as SVG, drawn by ECharts' server-side renderer (no browser, no DOM). */
export function renderChartSvg(chart: CompareChart, size = CHART_SIZE): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(compareChartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The Compare chart as PNG: the SVG drawn by @napi-rs/canvas at `scale` pixels per unit. */
export function renderChartPng(chart: CompareChart, size = CHART_SIZE, scale = 2): Buffer {
  const svg = renderChartSvg(chart, size);
  const image = new Image();
  image.src = Buffer.from(svg, 'utf8');
  const canvas = createCanvas(size.width * scale, size.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toBuffer('image/png');
}
