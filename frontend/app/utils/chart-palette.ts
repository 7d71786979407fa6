/** Colours and type for charts, read from the page's CSS variables so charts follow the theme. */
export interface ChartPalette {
  series: string[]
  text: string
  grid: string
  font: string
}

function cssVariable(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback
}

/** Series colours in order: ours first (primary), then the comparisons (muted, warn). */
export function readChartPalette(): ChartPalette {
  const styles = getComputedStyle(document.documentElement)
  return {
    series: [
      cssVariable(styles, '--color-primary', '#4f46e5'),
      cssVariable(styles, '--color-text-muted', '#5b6478'),
      cssVariable(styles, '--color-warn', '#9a5b00'),
      cssVariable(styles, '--color-border-strong', '#cbd2e1'),
    ],
    text: cssVariable(styles, '--color-text-muted', '#5b6478'),
    grid: cssVariable(styles, '--color-border', '#e2e6ef'),
    font: cssVariable(styles, '--font-sans', 'system-ui, sans-serif'),
  }
}
