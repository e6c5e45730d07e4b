/** One line of Python that reads a CSV URL into a pandas DataFrame. */
export const toPandasSnippet = (csvUrl: string) => `import pandas as pd; df = pd.read_csv(${JSON.stringify(csvUrl)})`;

/** One line of R that reads a CSV URL into a data frame. */
export const toRSnippet = (csvUrl: string) => `df <- read.csv(${JSON.stringify(csvUrl)})`;

const attribute = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** An iframe that shows a chart's embed on another page. */
export const toEmbedSnippet = (embedUrl: string, title: string) =>
  `<iframe src="${attribute(embedUrl)}" title="${attribute(title)}" width="100%" height="640" ` +
  `style="border: 0" loading="lazy"></iframe>`;
