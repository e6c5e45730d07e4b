/** One line of Python that reads a CSV URL into a pandas DataFrame. */
export const toPandasSnippet = (csvUrl: string) => `import pandas as pd; df = pd.read_csv(${JSON.stringify(csvUrl)})`;

/** One line of R that reads a CSV URL into a data frame. */
export const toRSnippet = (csvUrl: string) => `df <- read.csv(${JSON.stringify(csvUrl)})`;

const attribute = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/**
 * An iframe that shows a chart's embed on another page, and the few lines of script that size it to the chart: the
 * embed posts `{ type: "chipflow:resize", height, chart }` when it loads and whenever its height changes; the script
 * takes such messages from the embed's origin only, and sets the height of the iframe that sent it.
 */
export const toEmbedSnippet = (embedUrl: string, title: string) =>
  `<iframe src="${attribute(embedUrl)}" title="${attribute(title)}" width="100%" height="640" ` +
  `style="border: 0" loading="lazy"></iframe>
<script>
  addEventListener("message", (event) => {
    if (event.origin !== ${JSON.stringify(new URL(embedUrl).origin)} || event.data?.type !== "chipflow:resize") return;
    for (const frame of document.querySelectorAll("iframe"))
      if (frame.contentWindow === event.source) frame.style.height = Number(event.data.height) + "px";
  });
</script>`;
