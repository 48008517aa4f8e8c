package io.gream.perf.report;

/**
 * A Gream figure next to the baseline it is judged against.
 *
 * @param what     what is compared, in words
 * @param gream    the Gream figure
 * @param baseline the baseline figure (0 when there is none)
 * @param unit     unit of both figures
 * @param target   the target in words, empty if none
 * @param met      whether the target was met; {@code null} when there is no target or a figure is missing
 */
public record Comparison(String what, double gream, double baseline, String unit, String target, Boolean met) {

    /** {@code gream / baseline}, or NaN when there is no baseline. */
    public double ratio() {
        return baseline == 0 ? Double.NaN : gream / baseline;
    }
}
