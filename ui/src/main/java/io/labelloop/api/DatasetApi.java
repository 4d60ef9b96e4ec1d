package io.labelloop.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
import io.labelloop.dataset.RecordNotFoundException;
import io.labelloop.dataset.RecordPage;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.security.Roles;
import java.util.LinkedHashMap;
import org.springframework.security.access.AccessDeniedException;

/** Datasets for scripts: load with a query, log records with predictions, label, export. */
@RestController
@RequestMapping("/api/datasets")
class DatasetApi {

    /** Page size of a load when none is asked for. */
    static final int DEFAULT_PAGE = 100;
    /** Largest page of a load (OpenSearch's result window). */
    static final int MAX_PAGE = 10_000;

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
        if (size < 0 || size > MAX_PAGE) {
            throw new BadRequestException("size", "size must be from 0 to " + MAX_PAGE + ", got " + size);
        }
        return datasets.search(dataset, filter.toQuery(), size, after);
    }

    @GetMapping("/{dataset}/records/{id}")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    TextRecord record(@PathVariable String dataset, @PathVariable String id) {
        return datasets.record(dataset, id).orElseThrow(() -> new RecordNotFoundException(dataset, id));
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
     * Labels one record as its annotator saw it: {@code revision} is the record's revision when read, so a label on a
     * record someone changed since is refused with 409 instead of overwriting. The revision is required; an admin
     * may send {@code "force": true} instead, to label whatever the record holds now.
     */
    @PutMapping("/{dataset}/records/{id}/label")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    TextRecord label(@PathVariable String dataset, @PathVariable String id, @RequestBody LabelRequest request,
                     Authentication user) {
        if (request.label() == null || request.label().isBlank()) {
            throw new BadRequestException("label", "field 'label' is required: one of " + datasets.require(dataset).labels());
        }
        if (Boolean.TRUE.equals(request.force())) {
            if (!isAdmin(user)) {
                throw new AccessDeniedException(
                        "'force' is for admins: send the 'revision' you read instead");
            }
            long current = datasets.record(dataset, id)
                    .orElseThrow(() -> new RecordNotFoundException(dataset, id)).revision();
            return queue.label(dataset, id, current, request.label(), user.getName());
        }
        if (request.revision() == null) {
            throw new BadRequestException("revision", "field 'revision' is required: the record's revision as you read "
                    + "it (GET .../records/" + id + "), so that a label given since is not overwritten");
        }
        return queue.label(dataset, id, request.revision(), request.label(), user.getName());
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }

    /**
     * Labels several records at once (bulk action). With {@code revisions} (record id to the revision the caller read)
     * a record changed since is skipped and counted in {@code skipped}; with {@code ids} only, the records are labeled
     * whatever they held. Ids the dataset does not hold are counted in {@code missing} and the first few listed in
     * {@code missingIds}.
     */
    @PostMapping("/{dataset}/labels")
    @PreAuthorize(Roles.HAS_ANNOTATOR)
    Map<String, Object> labelMany(@PathVariable String dataset, @RequestBody BulkLabelRequest request, Principal user) {
        if (request.label() == null || request.label().isBlank()) {
            throw new BadRequestException("label", "field 'label' is required: one of " + datasets.require(dataset).labels());
        }
        BulkOutcome outcome;
        if (request.revisions() != null && !request.revisions().isEmpty()) {
            outcome = datasets.annotate(dataset, request.revisions(), request.label(), user.getName());
        } else if (request.ids() != null && !request.ids().isEmpty()) {
            outcome = datasets.annotateAll(dataset, request.ids(), request.label(), user.getName());
        } else {
            throw new BadRequestException("ids", "give the records to label as 'ids' (a list) or 'revisions' (id to the "
                    + "revision you read)");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("labeled", outcome.applied());
        answer.put("skipped", outcome.skipped() - outcome.missing());
        answer.put("missing", outcome.missing());
        if (outcome.missing() > 0) {
            answer.put("missingIds", outcome.firstMissing());
        }
        return answer;
    }

    /** The validated records matching the filter, as CSV, JSONL or HuggingFace JSON lines. */
    @GetMapping("/{dataset}/export")
    @PreAuthorize(Roles.HAS_ADMIN)
    ResponseEntity<StreamingResponseBody> export(@PathVariable String dataset, RecordFilter filter,
                                                 @RequestParam(defaultValue = "JSONL") String format) {
        ExportFormat chosen = exportFormat(format);
        datasets.require(dataset);
        StreamingResponseBody body = out -> datasets.export(dataset, filter.toQuery(), chosen, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + dataset + "." + chosen.fileExtension() + "\"")
                .contentType(chosen == ExportFormat.CSV ? new MediaType("text", "csv") : MediaType.TEXT_PLAIN)
                .body(body);
    }

    private static ExportFormat exportFormat(String name) {
        try {
            return ExportFormat.named(name, "format");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format", e.getMessage(), List.of("csv", "jsonl", "hf"));
        }
    }

    record LabelRequest(String label, Long revision, Boolean force) {
    }

    record BulkLabelRequest(String label, List<String> ids, Map<String, Long> revisions) {
    }
}
