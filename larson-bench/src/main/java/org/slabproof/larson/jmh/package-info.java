/**
 * JMH microbenchmarks of the reference allocator's three costs that Larson mixes together: the
 * owner's malloc+free pair, the remote free (with the owner's drain), and a trimmer pass that
 * finds nothing to release. They are packed in the Larson runner's shaded jar; run them with
 * {@code larson-bench/jmh} (a wrapper around {@code java -cp larson-bench.jar org.openjdk.jmh.Main}).
 */
package org.slabproof.larson.jmh;
