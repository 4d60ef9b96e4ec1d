package io.labelloop.loop;

import java.nio.file.Path;

/** What each loop step reports; the component copies these into exchange headers. */
public final class StepResults {

    private StepResults() {
    }

    public record Imported(String dataset, long imported, long rejected) {
    }

    public record Scored(String dataset, String modelVersion, long records, double seconds) {
    }

    /**
     * @param inWindow          how many of the queued records had a max score inside the window
     * @param filledBeyondWindow true when the window held fewer records than the batch and the next most
     *                          uncertain ones filled it
     */
    public record Selected(String dataset, int queued, int inWindow, boolean filledBeyondWindow, String strategy) {
    }

    public record Trained(String dataset, String version, int trainingRecords, double seconds) {
    }

    public record Evaluated(String dataset, String version, double accuracy, double macroF1, int evalRecords) {

        /** The named metric: {@code accuracy} or {@code macro_f1}. */
        public double metric(String name) {
            return name.equals("macro_f1") ? macroF1 : accuracy;
        }
    }

    /** @param serving the version serving after this step */
    public record Promoted(String dataset, String serving, boolean promoted, String reason) {
    }

    public record Exported(String dataset, Path file, long records) {
    }
}
