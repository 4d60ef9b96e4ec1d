package io.labelloop.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * Translates the store's own terms ({@link Criteria}, {@link Sort}, {@link Cursor}, {@link BulkOp},
 * {@link UpdateScript}) into the client's.
 */
final class QueryDsl {

    private static final FieldValue MISSING_LAST = FieldValue.of("_last");

    private QueryDsl() {
    }

    static Query query(Criteria criteria) {
        if (criteria instanceof Criteria.Term t) {
            return Query.of(q -> q.term(x -> x.field(t.field()).value(FieldValue.of(t.value()))));
        }
        if (criteria instanceof Criteria.Terms t) {
            List<FieldValue> values = t.values().stream().map(FieldValue::of).toList();
            return Query.of(q -> q.terms(x -> x.field(t.field()).terms(v -> v.value(values))));
        }
        if (criteria instanceof Criteria.Ids ids) {
            return Query.of(q -> q.ids(x -> x.values(ids.ids())));
        }
        if (criteria instanceof Criteria.Range r) {
            return Query.of(q -> q.range(x -> {
                x.field(r.field());
                if (r.atLeast() != null) {
                    x.gte(JsonData.of(r.atLeast()));
                }
                if (r.above() != null) {
                    x.gt(JsonData.of(r.above()));
                }
                if (r.below() != null) {
                    x.lt(JsonData.of(r.below()));
                }
                return x;
            }));
        }
        if (criteria instanceof Criteria.Text t) {
            return Query.of(q -> q.queryString(s -> s.query(t.queryString()).defaultField(t.field())
                    .defaultOperator(Operator.And).lenient(true)));
        }
        if (criteria instanceof Criteria.Bool b) {
            return Query.of(q -> q.bool(x -> x.must(queries(b.must())).filter(queries(b.filters()))
                    .mustNot(queries(b.mustNot()))));
        }
        return Query.of(q -> q.matchAll(m -> m));
    }

    private static List<Query> queries(List<Criteria> criteria) {
        return criteria.stream().map(QueryDsl::query).toList();
    }

    static List<SortOptions> sort(List<Sort> sorts) {
        return sorts.stream().map(QueryDsl::sort).toList();
    }

    private static SortOptions sort(Sort s) {
        SortOrder order = s.descending() ? SortOrder.Desc : SortOrder.Asc;
        return SortOptions.of(o -> o.field(f -> {
            f.field(s.field()).order(order);
            if (s.nullsLast()) {
                f.missing(MISSING_LAST);
            }
            return f;
        }));
    }

    static List<FieldValue> sortValues(Cursor cursor) {
        return cursor.values().stream().map(QueryDsl::fieldValue).toList();
    }

    private static FieldValue fieldValue(Object v) {
        return v == null ? FieldValue.NULL
                : v instanceof Long l ? FieldValue.of(l)
                : v instanceof Double d ? FieldValue.of(d)
                : v instanceof Boolean b ? FieldValue.of(b)
                : FieldValue.of(v.toString());
    }

    static Cursor cursor(List<FieldValue> sortValues) {
        return new Cursor(sortValues.stream().map(QueryDsl::value).toList());
    }

    private static Object value(FieldValue v) {
        return v.isNull() ? null
                : v.isDouble() ? (Object) v.doubleValue()
                : v.isLong() ? (Object) v.longValue()
                : v.isBoolean() ? (Object) v.booleanValue()
                : v.stringValue();
    }

    static BulkOperation operation(BulkOp op) {
        if (op instanceof BulkOp.Create c) {
            return BulkOperation.of(b -> b.create(x -> x.index(c.index()).id(c.id()).document(c.document())));
        }
        if (op instanceof BulkOp.Merge m) {
            return BulkOperation.of(b -> b.update(u -> u.index(m.index()).id(m.id())
                    .retryOnConflict(m.retriesOnConflict()).document(m.fields())));
        }
        if (op instanceof BulkOp.ScriptUpdate s) {
            Script script = script(s.script());
            return BulkOperation.of(b -> b.update(u -> {
                u.index(s.index()).id(s.id()).retryOnConflict(s.retriesOnConflict()).script(script);
                if (s.upsert() != null) {
                    u.upsert(s.upsert());
                }
                return u;
            }));
        }
        BulkOp.Delete d = (BulkOp.Delete) op;
        return BulkOperation.of(b -> b.delete(x -> x.index(d.index()).id(d.id())
                .ifSeqNo(d.expected().seqNo()).ifPrimaryTerm(d.expected().primaryTerm())));
    }

    static Script script(UpdateScript script) {
        Map<String, JsonData> params = new HashMap<>();
        script.params().forEach((k, v) -> params.put(k, JsonData.of(v)));
        return Script.of(s -> s.inline(i -> i.lang("painless").source(script.painless()).params(params)));
    }
}
