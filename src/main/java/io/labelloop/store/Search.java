package io.labelloop.store;

import java.util.ArrayList;
import java.util.List;

/** A search of one index: what matches, in which order, how many, after which position, with what in the hits. */
public final class Search {

    final String index;
    Criteria criteria = Criteria.all();
    final List<Sort> sorts = new ArrayList<>();
    int size = 10;
    Cursor after;
    boolean versions;
    boolean source = true;
    Boolean exactTotal;

    private Search(String index) {
        this.index = index;
    }

    /** A search of this index, of everything in it until {@link #where} says otherwise. */
    public static Search in(String index) {
        return new Search(index);
    }

    public Search where(Criteria criteria) {
        this.criteria = criteria;
        return this;
    }

    /** Adds sort keys, the first one first. */
    public Search sort(Sort... keys) {
        sorts.addAll(List.of(keys));
        return this;
    }

    public Search sort(List<Sort> keys) {
        sorts.addAll(keys);
        return this;
    }

    /** At most this many hits. */
    public Search size(int size) {
        this.size = size;
        return this;
    }

    /** Hits after this position of the same sort (null: from the start). */
    public Search after(Cursor cursor) {
        this.after = cursor;
        return this;
    }

    /** Each hit carries its {@link Version}, for a conditional write of it. */
    public Search withVersions() {
        this.versions = true;
        return this;
    }

    /** Hits carry only ids (and versions), not documents. */
    public Search withoutSource() {
        this.source = false;
        return this;
    }

    /** Counts every match exactly ({@code true}) or not at all ({@code false}); by default up to 10,000. */
    public Search exactTotal(boolean exact) {
        this.exactTotal = exact;
        return this;
    }
}
