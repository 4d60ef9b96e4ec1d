package io.labelloop.model.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Arrays;

/** Length-sorted batching with dynamic padding: each batch is padded only to its own longest text. */
public final class Batches {

    private Batches() {
    }

    /** Indices into {@code ids}, sorted by length (stable), cut into batches of at most {@code size}. */
    public static List<int[]> plan(long[][] ids, int size) {
        int[] order = IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.comparingInt(i -> ids[i].length)).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += size) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + size)));
        }
        return batches;
    }

    /** Token ids (B, S) int64 of the batch, padded with {@code padId} to the longest member (or to {@code padTo} if larger). */
    public static NDArray ids(NDManager m, long[][] ids, int[] batch, long padId, int padTo) {
        int seq = Math.max(padTo, longest(ids, batch));
        long[] flat = new long[batch.length * seq];
        Arrays.fill(flat, padId);
        for (int b = 0; b < batch.length; b++) {
            long[] row = ids[batch[b]];
            System.arraycopy(row, 0, flat, b * seq, row.length);
        }
        return m.create(flat, new Shape(batch.length, seq));
    }

    /** Attention mask (B, S) int64: 1 for tokens, 0 for padding. */
    public static NDArray mask(NDManager m, long[][] ids, int[] batch, int padTo) {
        int seq = Math.max(padTo, longest(ids, batch));
        long[] flat = new long[batch.length * seq];
        for (int b = 0; b < batch.length; b++) {
            Arrays.fill(flat, b * seq, b * seq + ids[batch[b]].length, 1L);
        }
        return m.create(flat, new Shape(batch.length, seq));
    }

    private static int longest(long[][] ids, int[] batch) {
        int max = 0;
        for (int i : batch) {
            max = Math.max(max, ids[i].length);
        }
        return max;
    }
}
