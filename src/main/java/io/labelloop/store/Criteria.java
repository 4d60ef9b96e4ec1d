package io.labelloop.store;

import java.util.List;

/**
 * What a search, count or aggregation matches, in the store's own terms: exact values, ranges, ids, a user's
 * query-string text and their combinations. {@link QueryDsl} turns it into OpenSearch's query DSL.
 */
public sealed interface Criteria {

    /** Every document. */
    static Criteria all() {
        return new All();
    }

    /** Documents whose keyword {@code field} holds exactly {@code value}. */
    static Criteria term(String field, String value) {
        return new Term(field, value);
    }

    /** Documents whose keyword {@code field} holds any of {@code values}. */
    static Criteria anyOf(String field, List<String> values) {
        return new Terms(field, List.copyOf(values));
    }

    /** Documents with one of these ids. */
    static Criteria ids(List<String> ids) {
        return new Ids(List.copyOf(ids));
    }

    /** {@code field >= value}; an instant or date is given as its ISO-8601 text. */
    static Criteria atLeast(String field, Object value) {
        return new Range(field, value, null, null);
    }

    /** {@code field > value}. */
    static Criteria above(String field, Object value) {
        return new Range(field, null, value, null);
    }

    /** {@code atLeast <= field < below}; either bound may be null. */
    static Criteria range(String field, Object atLeast, Object below) {
        return new Range(field, atLeast, null, below);
    }

    /** A user's query-string search over {@code field} (terms AND-ed, lenient on field types). */
    static Criteria text(String field, String queryString) {
        return new Text(field, queryString);
    }

    /** Documents matching every one of these (as filters: no scoring). */
    static Criteria allOf(List<Criteria> filters) {
        return new Bool(List.of(), List.copyOf(filters), List.of());
    }

    /** Documents matching none of these. */
    static Criteria noneOf(List<Criteria> excluded) {
        return new Bool(List.of(), List.of(), List.copyOf(excluded));
    }

    /** Documents matching {@code must} (scored) and {@code filters}, and none of {@code mustNot}. */
    static Criteria bool(List<Criteria> must, List<Criteria> filters, List<Criteria> mustNot) {
        return new Bool(List.copyOf(must), List.copyOf(filters), List.copyOf(mustNot));
    }

    /** Matches every document. */
    record All() implements Criteria {
    }

    /** Keyword field holds the value. */
    record Term(String field, String value) implements Criteria {
    }

    /** Keyword field holds one of the values. */
    record Terms(String field, List<String> values) implements Criteria {
    }

    /** Document id is one of these. */
    record Ids(List<String> ids) implements Criteria {
    }

    /** Range on a numeric or date field; null bounds are open. */
    record Range(String field, Object atLeast, Object above, Object below) implements Criteria {
    }

    /** Query-string text search. */
    record Text(String field, String queryString) implements Criteria {
    }

    /** A boolean combination. */
    record Bool(List<Criteria> must, List<Criteria> filters, List<Criteria> mustNot) implements Criteria {
    }
}
