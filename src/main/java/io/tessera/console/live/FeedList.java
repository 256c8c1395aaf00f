package io.tessera.console.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The feed's rows, newest first: new rows go on top and the oldest fall off the bottom at a cost in the rows that
 * change, as one list change. An {@code ObservableList} over an {@code ArrayList} inserts on top one row at a time,
 * shifting every row each time (20,000 rows, thousands of events a second); here the rows sit in a ring.
 */
final class FeedList<E> extends ObservableListBase<E> {
    private Object[] ring = new Object[1024];
    private int head;
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return (E) ring[(head + index) & (ring.length - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    /** Puts {@code newestFirst} on top and keeps the first {@code keep} rows of the result, in one change. */
    void prependAndKeep(List<? extends E> newestFirst, int keep) {
        if (newestFirst.isEmpty() && keep >= size) {
            return;
        }
        beginChange();
        try {
            int added = newestFirst.size();
            if (added > 0) {
                grow(size + added);
                head = (head - added) & (ring.length - 1);
                for (int i = 0; i < added; i++) {
                    ring[(head + i) & (ring.length - 1)] = newestFirst.get(i);
                }
                size += added;
                nextAdd(0, added);
            }
            if (keep < size) {
                int from = Math.max(0, keep);
                List<E> removed = new ArrayList<>(size - from);
                for (int i = from; i < size; i++) {
                    removed.add(get(i));
                    ring[(head + i) & (ring.length - 1)] = null;
                }
                size = from;
                nextRemove(from, removed);
            }
        } finally {
            endChange();
        }
    }

    /** Replaces every row, in one change. */
    void replaceAll(Collection<? extends E> rows) {
        beginChange();
        try {
            if (size > 0) {
                List<E> removed = new ArrayList<>(this);
                ring = new Object[Math.max(1024, Integer.highestOneBit(Math.max(1, rows.size())) << 1)];
                head = 0;
                size = 0;
                nextRemove(0, removed);
            }
            grow(rows.size());
            for (E row : rows) {
                ring[size++] = row;
            }
            if (size > 0) {
                nextAdd(0, size);
            }
        } finally {
            endChange();
        }
    }

    @Override
    public void clear() {
        replaceAll(List.of());
    }

    private void grow(int needed) {
        if (needed <= ring.length) {
            return;
        }
        Object[] bigger = new Object[Integer.highestOneBit(needed - 1) << 1];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }
}
