package io.labelloop.dataset.ui;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

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
import io.labelloop.dataset.NewDataset;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.security.Roles;
import jakarta.annotation.security.RolesAllowed;

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
    static final int LISTED_REJECTS = 20;
    private static final int MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

    private final DatasetService datasets;
    private final UI ui;
    private final TextField dataset = new TextField("Dataset");
    private final TextField labels = new TextField("Labels of a new dataset");
    private final TextField textColumn = new TextField("Text column");
    private final TextField labelColumn = new TextField("Label column (optional)");
    private final TextField metadataColumns = new TextField("Metadata columns (optional)");
    private final Div report = new Div();
    private final Select<String> exportDataset = new Select<>();
    private final Select<ExportFormat> exportFormat = new Select<>();
    private final Anchor download = new Anchor();
    /** The form as last typed, for the upload's request thread, which must not touch components. */
    private volatile ImportForm form;
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
        for (TextField field : List.of(dataset, labels, textColumn, labelColumn, metadataColumns)) {
            field.setValueChangeMode(ValueChangeMode.EAGER);
            field.addValueChangeListener(e -> form = currentForm());
        }
        form = currentForm();
        Upload upload = new Upload(UploadHandler.toTempFile(this::imported));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", ".jsonl", ".ndjson", ".json", "text/csv", "application/json");
        // the upload's own request carries no UI changes; this round trip brings the report to the page
        upload.addAllFinishedListener(e -> upload.clearFileList());
        report.setId("import-report");
        report.addClassName("ll-report");
        return new VerticalLayout(new HorizontalLayout(dataset, labels),
                new HorizontalLayout(textColumn, labelColumn, metadataColumns), upload);
    }

    private HorizontalLayout exportForm() {
        exportDataset.setLabel("Dataset");
        exportDataset.setId("export-dataset");
        exportDataset.addValueChangeListener(e -> updateDownload());
        exportFormat.setLabel("Format");
        exportFormat.setId("export-format");
        exportFormat.setItems(ExportFormat.values());
        exportFormat.setItemLabelGenerator(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
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
                labelColumn.getValue(), commaSeparated(metadataColumns.getValue()));
    }

    /** Runs in the upload's request thread: the import happens there; the page is updated under the UI's lock. */
    private void imported(UploadMetadata upload, File received) throws IOException {
        ImportForm typed = form;
        Path dir = Files.createTempDirectory("labelloop-upload");
        // under the user's own file name, so that rejected rows and errors name the file they uploaded
        Path file = Files.move(received.toPath(), dir.resolve(fileName(upload.fileName())),
                StandardCopyOption.REPLACE_EXISTING);
        try {
            ImportReport done = datasets.importFile(typed.dataset(), file, typed.options(upload.fileName()),
                    NewDataset.withLabels(typed.labels()));
            ui.access(() -> showReport(done));
        } catch (RuntimeException e) {
            // the temporary directory means nothing to the admin; the file name does
            String message = String.valueOf(e.getMessage()).replace(dir + File.separator, "");
            ui.access(() -> showError(typed.dataset(), message));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** What the admin typed into the import form. */
    private record ImportForm(String dataset, List<String> labels, String textColumn, String labelColumn,
                              List<String> metadataColumns) {

        ImportOptions options(String fileName) {
            return ImportOptions.of(ImportFormat.fromFileName(fileName)).withText(textColumn).withLabel(labelColumn)
                    .withMetadata(metadataColumns);
        }
    }

    private void showReport(ImportReport done) {
        report.removeAll();
        report.add(line("import-summary", String.format(java.util.Locale.ROOT,
                "Imported into '%s': %d rows read, %d new records (%d labeled), %d already there, %d rejected, %.1f s",
                done.dataset(), done.rowsRead(), done.created(), done.labeled(), done.unchanged(), done.rejectedCount(),
                done.seconds())));
        done.rejected().stream().limit(LISTED_REJECTS).forEach(r -> report.add(line(null, "Rejected: "
                + Path.of(r.file()).getFileName() + " line " + r.line() + ": " + r.reason())));
        if (done.rejectedCount() > LISTED_REJECTS) {
            report.add(line(null, "… and " + (done.rejectedCount() - LISTED_REJECTS) + " more rejected rows"));
        }
        refreshExport();
        exportDataset.setValue(done.dataset());
    }

    private void showError(String name, String message) {
        report.removeAll();
        report.add(line("import-error", "Not imported into '" + name + "': " + message));
        refreshExport();
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
        event.setFileName(chosen.dataset() + (chosen.format() == ExportFormat.CSV ? ".csv" : ".jsonl"));
        event.setContentType(chosen.format() == ExportFormat.CSV ? "text/csv" : "application/x-ndjson");
        try (OutputStream out = event.getOutputStream()) {
            datasets.export(chosen.dataset(), RecordQuery.all(), chosen.format(), out);
        }
    }

    private record ExportChoice(String dataset, ExportFormat format) {
    }

    private static List<String> commaSeparated(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The uploaded name without any directory part a browser might send. */
    private static String fileName(String uploaded) {
        String name = uploaded == null ? "" : Path.of(uploaded.replace('\\', '/')).getFileName().toString();
        return name.isBlank() ? "upload.csv" : name;
    }
}
