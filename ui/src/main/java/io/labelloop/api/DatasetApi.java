package io.labelloop.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.BulkOutcome;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.DatasetStats;
import io.labelloop.dataset.ExportFormat;
import io.labelloop.dataset.RecordPage;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.security.Roles;

/** Datasets for scripts: load with a query, log records with predictions, label, export. */
@RestController
@RequestMapping("/api/datasets")
class DatasetApi {

    /** Page size of a load when none is asked for. */
    static final int DEFAULT_PAGE = 100;

    private final DatasetService datasets;
    private final LabelingQueueService queue;

    DatasetApi(DatasetService datasets, LabelingQueueService queue) {
        this.datasets = datasets;
        this.queue = queue;
    }

    @GetMapping
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    List<Dataset> list() {
        return datasets.list();
    }

    /** Like {@code rb.load}: one page of the records matching the filter; pass {@code next} back as {@code after}. */
    @GetMapping("/{dataset}/records")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    RecordPage load(@PathVariable String dataset, RecordFilter filter,
                    @RequestParam(defaultValue = "" + DEFAULT_PAGE) int size, @RequestParam(required = false) String after) {
        return datasets.search(dataset, filter.toQuery(), size, after);
    }

    @GetMapping("/{dataset}/records/{id}")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    ResponseEntity<TextRecord> record(@PathVariable String dataset, @PathVariable String id) {
        return ResponseEntity.of(datasets.record(dataset, id));
    }

    @GetMapping("/{dataset}/stats")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    DatasetStats stats(@PathVariable String dataset, RecordFilter filter) {
        return datasets.stats(dataset, filter.toQuery());
    }

    /** Like {@code rb.log}: creates or replaces records by id, with predictions and optional labels. */
    @PostMapping("/{dataset}/records")
    @PreAuthorize(Roles.HAS_ADMIN)
    Map<String, Long> log(@PathVariable String dataset, @RequestBody List<LoggedRecord> records, Principal user) {
        List<TextRecord> converted = records.stream().map(r -> r.toRecord(user.getName())).toList();
        long written = datasets.log(dataset, converted);
        datasets.refresh(dataset);
        return Map.of("written", written);
    }

    /**
     * Labels one record as its annotator saw it: {@code revision} is the record's revision when read, so a
     * label on a record someone changed since is refused with 409 instead of overwriting.
     */
    @PutMapping("/{dataset}/records/{id}/label")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    TextRecord label(@PathVariable String dataset, @PathVariable String id, @RequestBody LabelRequest request,
                     Principal user) {
        return queue.label(dataset, id, request.revision(), request.label(), user.getName());
    }

    /**
     * Labels several records at once (bulk action). With {@code revisions} (record id to the revision the caller read)
     * a record changed since is skipped and counted in {@code skipped}; with {@code ids} only, the records are labeled
     * whatever they held.
     */
    @PostMapping("/{dataset}/labels")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    Map<String, Long> labelMany(@PathVariable String dataset, @RequestBody BulkLabelRequest request, Principal user) {
        if (request.revisions() != null && !request.revisions().isEmpty()) {
            BulkOutcome outcome = datasets.annotate(dataset, request.revisions(), request.label(), user.getName());
            return Map.of("labeled", outcome.applied(), "skipped", outcome.skipped());
        }
        List<String> ids = request.ids() == null ? List.of() : request.ids();
        return Map.of("labeled", datasets.annotate(dataset, ids, request.label(), user.getName()), "skipped", 0L);
    }

    /** The validated records matching the filter, as CSV, JSONL or HuggingFace JSON lines. */
    @GetMapping("/{dataset}/export")
    @PreAuthorize(Roles.HAS_ADMIN)
    ResponseEntity<StreamingResponseBody> export(@PathVariable String dataset, RecordFilter filter,
                                                 @RequestParam(defaultValue = "JSONL") String format) {
        ExportFormat chosen = ExportFormat.named(format, "format");
        datasets.require(dataset);
        StreamingResponseBody body = out -> datasets.export(dataset, filter.toQuery(), chosen, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + dataset + "." + chosen.fileExtension() + "\"")
                .contentType(chosen == ExportFormat.CSV ? new MediaType("text", "csv") : MediaType.TEXT_PLAIN)
                .body(body);
    }

    record LabelRequest(String label, long revision) {
    }

    record BulkLabelRequest(String label, List<String> ids, Map<String, Long> revisions) {
    }
}
