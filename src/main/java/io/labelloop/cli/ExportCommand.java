package io.labelloop.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ExportFormat;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.Split;
import io.labelloop.store.StoreException;

/** {@code ./labelloop export --dataset NAME --out FILE}: writes a dataset's labeled (VALIDATED) records. */
public final class ExportCommand implements Subcommand {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a dataset's labeled records as CSV, JSONL or HuggingFace JSON lines (--format hf)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a;
        ExportFormat format;
        RecordQuery query;
        try {
            a = CommandArgs.parse(args, "help");
            if (a.flag("help")) {
                usage(out);
                return 0;
            }
            a.require("dataset");
            format = ExportFormat.named(a.get("format", "csv"), "--format");
            query = RecordQuery.all().withText(a.get("query"))
                    .withSplit(a.get("split") == null ? null : Split.valueOf(a.get("split").toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            usage(err);
            return 2;
        }
        String target = a.get("out", "-");
        try (ConfigurableApplicationContext context = StoreCommandContext.start()) {
            DatasetService datasets = context.getBean(DatasetService.class);
            datasets.refresh(a.get("dataset"));
            long written;
            if (target.equals("-")) {
                written = datasets.export(a.get("dataset"), query, format, (OutputStream) out);
            } else {
                Path file = Path.of(target);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                written = datasets.export(a.get("dataset"), query, format, file);
            }
            err.println("export: wrote " + written + " labeled records of '" + a.get("dataset") + "' to "
                    + (target.equals("-") ? "standard output" : Path.of(target).toAbsolutePath()));
            return 0;
        } catch (DatasetNotFoundException | StoreException e) {
            err.println("export: " + e.getMessage());
            return 1;
        }
    }


    private static void usage(PrintStream out) {
        out.println("""
                Usage: ./labelloop export --dataset NAME [--format csv|jsonl|hf] [--out FILE|-] [--query TEXT] [--split train|eval]
                  --format     csv (id,text,label), jsonl (with annotator, time, metadata) or hf ({"text","label"} lines)
                  --out        file to write, - for standard output (default)
                  --query      only records matching this query-string search
                  --split      only the train or the eval split""");
    }
}
