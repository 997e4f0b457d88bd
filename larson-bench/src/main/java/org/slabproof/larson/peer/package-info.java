/**
 * The allocators Larson measures behind one small interface: the reference allocator (each
 * accounting policy, optionally a known-bad variant), {@code new byte[]}, Netty's pooled direct
 * buffers, and C malloc through FFM downcalls.
 */
package org.slabproof.larson.peer;
