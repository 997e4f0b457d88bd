/**
 * A faithful Java port of mimalloc-bench's Larson benchmark and its runner: the seven positional
 * arguments, lran2, the main thread's warmup, worker slices handed from thread to successor, and
 * larson.cpp's {@code Throughput = ...} line; plus peers, telemetry, comparisons and plots.
 */
package org.slabproof.larson;
