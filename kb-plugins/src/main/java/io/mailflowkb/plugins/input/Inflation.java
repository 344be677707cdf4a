package io.mailflowkb.plugins.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the archives of one walk inflate, and stops a stream at the total and ratio caps. */
final class Inflation {

    private final WalkLimits limits;
    private final AtomicLong total = new AtomicLong();

    Inflation(WalkLimits limits) {
        this.limits = limits;
    }

    long total() {
        return total.get();
    }

    private CapReachedException totalReached() {
        return new CapReachedException("archives inflated past the cap of "
                + WalkLimits.human(limits.maxInflatedBytes()) + " in total (raise it with --max-inflated)");
    }

    /** {@code in} (an inflating stream) capped; {@code compressed} is the entry's stored size, or -1. */
    InputStream cap(InputStream in, long compressed) {
        long perEntry = compressed < 0 ? Long.MAX_VALUE
                : Math.min(Long.MAX_VALUE / 2, compressed * limits.maxRatio() + WalkLimits.RATIO_SLACK);
        return new FilterInputStream(in) {
            private long mine;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (total.get() >= limits.maxInflatedBytes()) {
                    throw totalReached();
                }
                int n = super.read(b, off, len);
                if (n > 0) {
                    mine += n;
                    if (total.addAndGet(n) > limits.maxInflatedBytes()) {
                        throw totalReached();
                    }
                    if (mine > perEntry) {
                        throw new CapReachedException("inflates to more than " + limits.maxRatio()
                                + " times its compressed size (" + compressed + " bytes): an archive bomb? (cap maxRatio)");
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
                long done = 0;
                while (done < n) {
                    int r = read(sink, 0, (int) Math.min(sink.length, n - done));
                    if (r < 0) {
                        break;
                    }
                    done += r;
                }
                return done;
            }
        };
    }
}
