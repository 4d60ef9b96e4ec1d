package io.labelloop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportException;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.NewDataset;
import io.labelloop.dataset.RejectedRow;
import io.labelloop.store.StoreException;

/** {@code ./labelloop import --dataset NAME [--labels a,b] FILE | --known banking77}: loads records into a dataset. */
public final class ImportCommand implements Subcommand {

    private static final int LISTED_REJECTS = 100;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import a CSV/JSONL file or a known public dataset (--known banking77) into a dataset";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArgs a;
        try {
            a = CommandArgs.parse(args, "strict", "help");
            if (a.flag("help")) {
                usage(out);
                return 0;
            }
            checkTarget(a);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            usage(err);
            return 2;
        }
        try (ConfigurableApplicationContext context = StoreCommandContext.start()) {
            DatasetService datasets = context.getBean(DatasetService.class);
            String dataset = a.require("dataset");
            boolean missing = datasets.find(dataset).isEmpty();
            if (missing && a.list("labels").isEmpty()) {
                throw new DatasetNotFoundException(dataset);
            }
            // A dataset created here is removed again when the import stores nothing.
            NewDataset ifMissing = NewDataset.withLabels(a.list("labels"));
            ImportReport report = a.get("known") != null ? datasets.importKnown(dataset, a.get("known"), ifMissing)
                    : datasets.importFile(dataset, Path.of(a.positional().get(0)), options(a), ifMissing);
            if (missing) {
                out.println("Created dataset '" + dataset + "' with labels " + a.list("labels"));
            }
            print(report, out, err);
            return 0;
        } catch (ImportException e) {
            err.println("import: " + e.getMessage());
            printRejected(e.rejected(), e.rejectedCount(), err);
            return 1;
        } catch (DatasetNotFoundException | StoreException e) {
            err.println("import: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
    }

    private static void checkTarget(CommandArgs a) {
        a.require("dataset");
        boolean known = a.get("known") != null;
        if (known == (a.positional().size() == 1) || a.positional().size() > 1) {
            throw new IllegalArgumentException("give exactly one FILE, or --known NAME");
        }
    }

    static ImportOptions options(CommandArgs a) {
        String file = a.positional().get(0);
        ImportFormat format = a.get("format") == null ? ImportFormat.fromFileName(file)
                : ImportFormat.valueOf(a.get("format").toUpperCase(Locale.ROOT));
        return ImportOptions.of(format).withText(a.get("text-column")).withLabel(a.get("label-column"))
                .withId(a.get("id-column")).withMetadata(a.list("metadata-columns"))
                .withStrict(a.flag("strict"));
    }

    private static void print(ImportReport r, PrintStream out, PrintStream err) {
        out.println(r.summary());
        printRejected(r.rejected(), r.rejectedCount(), err);
    }

    private static void printRejected(List<RejectedRow> rejected, long count, PrintStream err) {
        rejected.stream().limit(LISTED_REJECTS).map(RejectedRow::toString).forEach(line -> err.println("  rejected " + line));
        if (count > LISTED_REJECTS) {
            err.println("  ... and " + (count - LISTED_REJECTS) + " more rejected rows");
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: ./labelloop import --dataset NAME [--labels a,b,c] [options] FILE
                       ./labelloop import --dataset NAME [--labels a,b,c] --known banking77
                  --labels a,b,c            label set, to create the dataset when it does not exist
                                            (removed again if the import fails before storing a record)
                  --format csv|jsonl        default: from the file name (.jsonl/.ndjson/.json are JSONL)
                  --text-column NAME        column or field with the text (default text)
                  --label-column NAME       column with labels: rows with one become VALIDATED
                  --id-column NAME          column with record ids (default: a hash of the text)
                  --metadata-columns a,b    columns kept as metadata (searchable)
                  --strict                  refuse the whole file if any row is bad (default: skip bad rows)
                Rows whose id already exists are left unchanged, so importing a file twice is harmless.""");
    }
}
