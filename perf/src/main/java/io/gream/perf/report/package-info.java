/** The results of a run: figures, ratios to the baselines, and their rendering as Markdown, JSON and a PNG chart. */
package io.gream.perf.report;
