/**
 * The allocators Larson measures behind one small interface: the reference allocator (each
 * accounting policy, optionally a known-bad variant), {@code new byte[]}, Netty's pooled direct
 * buffers, C malloc through FFM downcalls, and no allocator at all (the harness's ceiling).
 * Each thread reaches its peer through a per-thread view of the block table.
 */
package org.slabproof.larson.peer;
