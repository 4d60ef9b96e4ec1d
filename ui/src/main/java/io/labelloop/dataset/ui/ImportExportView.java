package io.labelloop.dataset.ui;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ExportFormat;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.ImportException;
import io.labelloop.dataset.RejectedRow;
import io.labelloop.dataset.NewDataset;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.UIDetachedException;

/**
 * Admin only: upload a CSV or JSONL file into a dataset (created with the given labels if it does not exist) and read
 * the import's report, rejected rows with their line numbers included; download a dataset's validated records (what
 * the REST export gives scripts, here through the signed-in session).
 */
@Route("data")
@PageTitle("Import / export · Labelloop")
@Menu(order = 4, icon = "vaadin:exchange", title = "Import / export")
@RolesAllowed(Roles.ADMIN)
class ImportExportView extends VerticalLayout {

    /** Rejected rows listed on the page; the report's count covers all of them. */
    static final int LISTED_REJECTS = 100;
    private static final int MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
    /** Distinct from the other views' intervals: the import resets polling only if it is still its own. */
    private static final int IMPORT_POLL_MILLIS = 750;
    private static final Logger LOG = LoggerFactory.getLogger(ImportExportView.class);
    /** Imports of uploaded files, off the session's lock; daemon threads, as an import is bounded by its file. */
    private static final ExecutorService IMPORTS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "labelloop-upload-import");
        thread.setDaemon(true);
        return thread;
    });

    private final DatasetService datasets;
    private final UI ui;
    private final TextField dataset = new TextField("Dataset");
    private final TextField labels = new TextField("Labels of a new dataset");
    private final TextField textColumn = new TextField("Text column");
    private final TextField labelColumn = new TextField("Label column (optional)");
    private final TextField metadataColumns = new TextField("Metadata columns (optional)");
    private final TextField idColumn = new TextField("Id column (optional)");
    private final Div report = new Div();
    private final Select<String> exportDataset = new Select<>();
    private final Select<ExportFormat> exportFormat = new Select<>();
    private final Anchor download = new Anchor();
    /** The export as last chosen, for the download's request thread. */
    private volatile ExportChoice exportChoice;

    ImportExportView(DatasetService datasets) {
        this.datasets = datasets;
        this.ui = UI.getCurrent();
        add(new H3("Import a CSV or JSONL file"), importForm(), report, new H3("Export validated records"), exportForm());
        refreshExport();
    }

    private VerticalLayout importForm() {
        dataset.setId("import-dataset");
        dataset.setRequired(true);
        labels.setId("import-labels");
        labels.setHelperText("comma-separated, e.g. NEGATIVE,POSITIVE; ignored when the dataset exists");
        textColumn.setId("import-text-column");
        textColumn.setValue(ImportOptions.DEFAULT_TEXT_COLUMN);
        labelColumn.setId("import-label-column");
        metadataColumns.setId("import-metadata-columns");
        metadataColumns.setHelperText("comma-separated");
        idColumn.setId("import-id-column");
        idColumn.setHelperText("ids from the text when empty");
        // a file dropped on the upload blurs no field: each keystroke is sent, so the import reads what was typed
        List.of(dataset, labels, textColumn, labelColumn, metadataColumns, idColumn)
                .forEach(field -> field.setValueChangeMode(ValueChangeMode.EAGER));
        Upload upload = new Upload(UploadHandler.toTempFile(this::received));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", ".jsonl", ".ndjson", ".json", "text/csv", "application/json");
        upload.addAllFinishedListener(e -> upload.clearFileList());
        report.setId("import-report");
        report.addClassName("ll-report");
        return new VerticalLayout(new HorizontalLayout(dataset, labels),
                new HorizontalLayout(textColumn, labelColumn, metadataColumns, idColumn), upload);
    }

    private HorizontalLayout exportForm() {
        exportDataset.setLabel("Dataset");
        exportDataset.setId("export-dataset");
        exportDataset.addValueChangeListener(e -> updateDownload());
        exportFormat.setLabel("Format");
        exportFormat.setId("export-format");
        exportFormat.setItems(ExportFormat.values());
        exportFormat.setItemLabelGenerator(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        exportFormat.setValue(ExportFormat.CSV);
        exportFormat.addValueChangeListener(e -> updateDownload());
        download.setId("export-download");
        download.setText("Download");
        download.setHref(this::export, AttachmentType.DOWNLOAD);
        HorizontalLayout form = new HorizontalLayout(exportDataset, exportFormat, download);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private ImportForm currentForm() {
        return new ImportForm(dataset.getValue().strip(), commaSeparated(labels.getValue()), textColumn.getValue(),
                labelColumn.getValue(), commaSeparated(metadataColumns.getValue()), idColumn.getValue());
    }

    /**
     * Vaadin calls this under the session's lock once the file is stored. The import runs on another thread, so
     * that a large file does not hold up the admin's session; the page polls until its report is there.
     */
    private void received(UploadMetadata upload, File received) {
        ImportForm typed = currentForm();
        report.removeAll();
        report.add(line("import-running", "Importing " + upload.fileName() + " into '" + typed.dataset() + "'…"));
        ui.setPollInterval(IMPORT_POLL_MILLIS);
        IMPORTS.execute(() -> importFile(typed, upload.fileName(), received.toPath()));
    }

    private void importFile(ImportForm typed, String sentName, Path received) {
        Path dir = null;
        Path file = received;
        try {
            dir = Files.createTempDirectory("labelloop-upload");
            // under the sent file name, so that rejected rows and errors name the file the admin uploaded
            file = Files.move(received, dir.resolve(UploadedFileName.safe(sentName)));
            ImportReport done = datasets.importFile(typed.dataset(), file, typed.options(sentName),
                    NewDataset.withLabels(typed.labels()));
            whenAttached(() -> showReport(done));
        } catch (IOException | RuntimeException e) {
            // the temporary directory means nothing to the admin; the file name does
            String message = dir == null ? String.valueOf(e.getMessage())
                    : String.valueOf(e.getMessage()).replace(dir + File.separator, "");
            List<RejectedRow> rejected = e instanceof ImportException bad ? bad.rejected() : List.of();
            long rejectedCount = e instanceof ImportException bad ? bad.rejectedCount() : 0;
            whenAttached(() -> showError(typed.dataset(), message, rejected, rejectedCount));
        } finally {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
    }

    /** Shows the outcome and stops this view's polling; an admin who left the page meanwhile finds it in the log. */
    private void whenAttached(Runnable show) {
        try {
            ui.access(() -> {
                show.run();
                if (ui.getPollInterval() == IMPORT_POLL_MILLIS) {
                    ui.setPollInterval(-1);
                }
            });
        } catch (UIDetachedException e) {
            LOG.info("Import finished after its page was closed");
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the uploaded file {}: {}", path, e.getMessage());
        }
    }

    private void showReport(ImportReport done) {
        report.removeAll();
        report.add(line("import-summary", done.summary()));
        listRejected(done.rejected(), done.rejectedCount());
        refreshExport();
        exportDataset.setValue(done.dataset());
    }

    private void showError(String name, String message, List<RejectedRow> rejected, long rejectedCount) {
        report.removeAll();
        report.add(line("import-error", "Not imported into '" + name + "': " + message));
        listRejected(rejected, rejectedCount);
        refreshExport();
    }

    /** Every rejected row up to {@link #LISTED_REJECTS}, so that one upload shows all there is to fix. */
    private void listRejected(List<RejectedRow> rejected, long count) {
        rejected.stream().limit(LISTED_REJECTS).forEach(r -> report.add(line(null, "Rejected: "
                + Path.of(r.file()).getFileName() + " line " + r.line() + ": " + r.reason())));
        if (count > LISTED_REJECTS) {
            report.add(line(null, "… and " + (count - LISTED_REJECTS) + " more rejected rows"));
        }
    }

    private static Div line(String id, String text) {
        Div line = new Div(text);
        line.addClassName("ll-report-line");
        if (id != null) {
            line.setId(id);
        }
        return line;
    }

    private void refreshExport() {
        String chosen = exportDataset.getValue();
        List<String> names = datasets.list().stream().map(Dataset::name).toList();
        exportDataset.setItems(names);
        exportDataset.setValue(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(0));
        updateDownload();
    }

    private void updateDownload() {
        exportChoice = new ExportChoice(exportDataset.getValue(), exportFormat.getValue());
        download.setEnabled(exportChoice.dataset() != null);
    }

    /** Streams the chosen dataset's validated records; served to this admin's session only, like the view. */
    private void export(DownloadEvent event) throws IOException {
        ExportChoice chosen = exportChoice;
        if (chosen == null || chosen.dataset() == null) {
            event.getResponse().setStatus(404);
            return;
        }
        event.setFileName(chosen.dataset() + "." + chosen.format().fileExtension());
        event.setContentType(chosen.format() == ExportFormat.CSV ? "text/csv" : "application/x-ndjson");
        try (OutputStream out = event.getOutputStream()) {
            datasets.export(chosen.dataset(), RecordQuery.all(), chosen.format(), out);
        }
    }

    private static List<String> commaSeparated(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** What the admin typed into the import form when the file arrived. */
    private record ImportForm(String dataset, List<String> labels, String textColumn, String labelColumn,
                              List<String> metadataColumns, String idColumn) {

        ImportOptions options(String fileName) {
            return ImportOptions.of(ImportFormat.fromFileName(fileName)).withText(textColumn).withLabel(labelColumn)
                    .withMetadata(metadataColumns).withId(idColumn);
        }
    }

    /** The dataset and format the download link serves. */
    private record ExportChoice(String dataset, ExportFormat format) {
    }
}
